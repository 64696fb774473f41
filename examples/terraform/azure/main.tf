# An OutSystems 11 farm on Azure, checked from its plan:
#   terraform plan -out=plan.out && terraform show -json plan.out > plan.json
#   npx topogate check --plan plan.json --fail-on warning
# The one mistake: rule 110 opens the platform services to "*", and the Deny at 4000
# comes too late to stop it (lower numbers win), so OS11-SEC-001 warns.

resource "azurerm_resource_group" "os11" {
  name     = "os11-production"
  location = "West Europe"
}

resource "azurerm_virtual_network" "os11" {
  name                = "os11"
  resource_group_name = azurerm_resource_group.os11.name
  location            = azurerm_resource_group.os11.location
  address_space       = ["10.20.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "app"
  resource_group_name  = azurerm_resource_group.os11.name
  virtual_network_name = azurerm_virtual_network.os11.name
  address_prefixes     = ["10.20.1.0/24"]
  service_endpoints    = ["Microsoft.Sql"]
}

resource "azurerm_network_security_group" "app" {
  name                = "os11-app"
  resource_group_name = azurerm_resource_group.os11.name
  location            = azurerm_resource_group.os11.location

  security_rule {
    name                       = "end-users"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_ranges    = ["80", "443"]
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
  security_rule {
    name                       = "platform-services"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "12000-12002"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
  security_rule {
    name                       = "deny-internet"
    priority                   = 4000
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}

resource "azurerm_subnet_network_security_group_association" "app" {
  subnet_id                 = azurerm_subnet.app.id
  network_security_group_id = azurerm_network_security_group.app.id
}

resource "azurerm_network_interface" "server" {
  for_each            = toset(["fe-1", "fe-2", "controller"])
  name                = "os11-${each.key}"
  resource_group_name = azurerm_resource_group.os11.name
  location            = azurerm_resource_group.os11.location

  ip_configuration {
    name                          = "primary"
    subnet_id                     = azurerm_subnet.app.id
    private_ip_address_allocation = "Dynamic"
    public_ip_address_id          = each.key == "controller" ? null : azurerm_public_ip.front_end[each.key].id
  }
}

resource "azurerm_windows_virtual_machine" "server" {
  for_each              = { "fe-1" = "front-end", "fe-2" = "front-end", "controller" = "controller" }
  name                  = "os11-${each.key}"
  resource_group_name   = azurerm_resource_group.os11.name
  location              = azurerm_resource_group.os11.location
  size                  = "Standard_D4s_v5"
  network_interface_ids = [azurerm_network_interface.server[each.key].id]
  tags = {
    "topogate-role"        = each.value
    "topogate-environment" = "production"
  }
}

resource "azurerm_mssql_server" "platform" {
  name                = "os11-platform-sql"
  resource_group_name = azurerm_resource_group.os11.name
  location            = azurerm_resource_group.os11.location
  version             = "12.0"
  tags = {
    "topogate-environment" = "production"
  }
}

resource "azurerm_mssql_virtual_network_rule" "app" {
  name      = "app-subnet"
  server_id = azurerm_mssql_server.platform.id
  subnet_id = azurerm_subnet.app.id
}

# End users reach the front-ends at their public addresses; the controller stays private.
resource "azurerm_public_ip" "front_end" {
  for_each            = toset(["fe-1", "fe-2"])
  name                = "os11-${each.key}"
  resource_group_name = azurerm_resource_group.os11.name
  location            = azurerm_resource_group.os11.location
  allocation_method   = "Static"
  sku                 = "Standard"
}
