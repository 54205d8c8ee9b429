# SwiftNB: the two commands that set everything up on a fresh machine.
#   make run   installs missing system packages, builds, and runs the main job
#   make test  installs missing system packages, builds, and runs every test
SWIFT ?= swift
APT_PACKAGES := libopenblas-dev libcairo2-dev libpng-dev libreadline-dev pkg-config fonts-dejavu-core
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: deps run test bench

## Install the Debian packages that are missing (apt-get only when something is).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

run: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
