# An OutSystems 11 farm on AWS, checked from its plan:
#   terraform plan -out=plan.out && terraform show -json plan.out > plan.json
#   npx topogate check --plan plan.json
# The one mistake: the database admits the front-ends but not the controller (OS11-NET-006).

provider "aws" {
  region = "eu-west-1"
}

resource "aws_security_group" "front_end" {
  name   = "os11-front-end"
  vpc_id = var.vpc_id

  ingress {
    description      = "end users and development tools"
    protocol         = "tcp"
    from_port        = 80
    to_port          = 80
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
  ingress {
    protocol         = "tcp"
    from_port        = 443
    to_port          = 443
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
  ingress {
    description     = "deployment and scheduler services, from the controller and the farm"
    protocol        = "tcp"
    from_port       = 12001
    to_port         = 12002
    security_groups = [aws_security_group.controller.id]
    self            = true
  }
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "controller" {
  name   = "os11-controller"
  vpc_id = var.vpc_id

  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "controller_from_front_end" {
  for_each                     = toset(["12000", "5672"])
  security_group_id            = aws_security_group.controller.id
  referenced_security_group_id = aws_security_group.front_end.id
  ip_protocol                  = "tcp"
  from_port                    = tonumber(each.key)
  to_port                      = tonumber(each.key)
}

resource "aws_security_group" "database" {
  name   = "os11-database"
  vpc_id = var.vpc_id
}

resource "aws_security_group_rule" "database_from_front_end" {
  type                     = "ingress"
  security_group_id        = aws_security_group.database.id
  source_security_group_id = aws_security_group.front_end.id
  protocol                 = "tcp"
  from_port                = 1433
  to_port                  = 1433
}

resource "aws_instance" "front_end" {
  count                  = 2
  ami                    = var.windows_ami
  instance_type          = "m5.xlarge"
  subnet_id              = var.app_subnet_id
  vpc_security_group_ids = [aws_security_group.front_end.id]
  tags = {
    Name                   = "os11-fe-${count.index + 1}"
    "topogate-role"        = "front-end"
    "topogate-environment" = "production"
  }
}

resource "aws_instance" "controller" {
  ami                    = var.windows_ami
  instance_type          = "m5.xlarge"
  subnet_id              = var.app_subnet_id
  vpc_security_group_ids = [aws_security_group.controller.id]
  tags = {
    Name                   = "os11-controller"
    "topogate-role"        = "controller"
    "topogate-environment" = "production"
  }
}

resource "aws_db_instance" "platform" {
  identifier             = "os11-platform"
  engine                 = "sqlserver-se"
  instance_class         = "db.m5.xlarge"
  license_model          = "license-included"
  vpc_security_group_ids = [aws_security_group.database.id]
  tags = {
    "topogate-environment" = "production"
  }
}
