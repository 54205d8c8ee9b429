# SwiftNB: the two commands that set everything up on a fresh machine.
#   make run   installs missing system packages, builds, and runs the main job
#   make test  installs missing system packages, builds, and runs every test and every notebook (quick)
SWIFT ?= swift
APT_PACKAGES := libopenblas-dev libcairo2-dev libpng-dev libreadline-dev pkg-config fonts-dejavu-core
NOTEBOOK ?= notebooks/tour.swiftnb
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: deps run test notebooks

## Install the Debian packages that are missing (apt-get only when something is).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing system packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## The main job: build swiftnb (release), fetch ML-100K into data/, run the main notebook.
run: deps
	$(SWIFT) build -c release --product swiftnb
	.build/release/swiftnb data fetch ml-100k
	.build/release/swiftnb run $(NOTEBOOK)

## Every test. ML-100K is fetched first so the real-data tests run; without a network they skip.
test: deps
	$(SWIFT) build --build-tests
	.build/debug/swiftnb data fetch ml-100k || echo "warning: could not fetch ml-100k; the real-data tests will skip"
	$(SWIFT) test --skip-build
	$(MAKE) notebooks

## Every notebook headlessly on ML-100K, with quick=true where the notebook has that
## parameter and NOTEBOOK.answers on stdin where it exists; a failing cell fails the target.
notebooks: deps
	$(SWIFT) build -c release --product swiftnb
	.build/release/swiftnb data fetch ml-100k
	@for nb in notebooks/*.swiftnb; do \
	  params=""; grep -q '^let quick = ' "$$nb" && params="--param quick=true"; \
	  answers="$${nb%.swiftnb}.answers"; [ -f "$$answers" ] || answers=/dev/null; \
	  echo "== $$nb $$params"; \
	  .build/release/swiftnb run "$$nb" --out reports/notebooks $$params < "$$answers" > /dev/null || exit 1; \
	done
