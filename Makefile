# Convenience targets; the work is done by scripts/install.
PREFIX ?= /usr/local

.PHONY: build test install uninstall
build:
	swift build -c release --product followup
	swift build -c release --product followup-portal
test:
	swift test
install:
	PREFIX="$(PREFIX)" scripts/install
uninstall:
	PREFIX="$(PREFIX)" scripts/install --uninstall
