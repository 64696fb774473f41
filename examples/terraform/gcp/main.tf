# An OutSystems 11 farm on Google Cloud, checked from its plan:
#   terraform plan -out=plan.out && terraform show -json plan.out > plan.json
#   npx topogate check --plan plan.json
# The one mistake: the deny of the platform ports at priority 500 runs before the farm's
# allow at 1000, and 0.0.0.0/0 holds the farm's own addresses too, so the front-ends and the
# controller cannot reach each other's services (OS11-NET-007, OS11-NET-008).

provider "google" {
  project = "os11-production"
  region  = "europe-west1"
}

resource "google_compute_network" "os11" {
  name                    = "os11"
  auto_create_subnetworks = false
}

resource "google_compute_subnetwork" "app" {
  name          = "os11-app"
  network       = google_compute_network.os11.id
  ip_cidr_range = "10.30.1.0/24"
}

resource "google_compute_firewall" "end_users" {
  name          = "os11-end-users"
  network       = google_compute_network.os11.name
  source_ranges = ["0.0.0.0/0"]
  target_tags   = ["os11-fe"]
  allow {
    protocol = "tcp"
    ports    = ["80", "443"]
  }
}

resource "google_compute_firewall" "farm" {
  name        = "os11-farm"
  network     = google_compute_network.os11.name
  source_tags = ["os11-fe", "os11-ctl"]
  target_tags = ["os11-fe", "os11-ctl"]
  allow {
    protocol = "tcp"
    ports    = ["80", "5672", "12000-12002"]
  }
}

resource "google_compute_firewall" "platform_ports_from_internet" {
  name          = "os11-deny-platform-ports"
  network       = google_compute_network.os11.name
  priority      = 500
  source_ranges = ["0.0.0.0/0"]
  deny {
    protocol = "tcp"
    ports    = ["12000-12002", "12102"]
  }
}

resource "google_compute_instance" "front_end" {
  count        = 2
  name         = "os11-fe-${count.index + 1}"
  zone         = "europe-west1-b"
  machine_type = "n2-standard-4"
  tags         = ["os11-fe"]
  labels = {
    "topogate-role"        = "front-end"
    "topogate-environment" = "production"
  }
  network_interface {
    subnetwork = google_compute_subnetwork.app.id
    access_config {} # an external IP: end users reach the front-ends directly
  }
}

resource "google_compute_instance" "controller" {
  name         = "os11-controller"
  zone         = "europe-west1-b"
  machine_type = "n2-standard-4"
  tags         = ["os11-ctl"]
  labels = {
    "topogate-role"        = "controller"
    "topogate-environment" = "production"
  }
  network_interface {
    subnetwork = google_compute_subnetwork.app.id
  }
}

resource "google_sql_database_instance" "platform" {
  name             = "os11-platform"
  region           = "europe-west1"
  database_version = "SQLSERVER_2019_STANDARD"
  settings {
    tier        = "db-custom-4-16384"
    user_labels = { "topogate-environment" = "production" }
    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.os11.id
    }
  }
}
