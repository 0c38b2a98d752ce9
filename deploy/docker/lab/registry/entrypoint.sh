#!/bin/sh
# Waits for the htpasswd file LabUp writes (through docker exec, password on standard input), then runs the registry.
set -eu
htpasswd=/etc/docker/registry/htpasswd
[ -s "$htpasswd" ] || echo "waiting for $htpasswd (written by ./build.sh LabUp)"
while [ ! -s "$htpasswd" ]; do sleep 0.2; done
exec docker-registry serve /etc/docker/registry/config.yml
