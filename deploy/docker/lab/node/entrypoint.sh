#!/bin/sh
# Lab node start-up: host keys (once per container), the lab's authorized key for root and ktrdr, the Docker
# daemon's settings, then sshd (in the background) and dockerd (in the foreground: the container lives as long as it).
#   /etc/ktrdr-lab/authorized_keys  the lab's public key (mounted read-only by LabUp)
#   KTRDR_LAB_REGISTRY               registry.ktrdr.lab:5000, pulled from without TLS like a plain HTTP registry
#   KTRDR_LAB_DNS                    the lab's DNS server, for containers started by this node's Docker
# `ktrdr-lab-node keys` (run by LabUp through docker exec) installs the authorized key again and prints the host key.
set -eu

install_keys() {
  ssh-keygen -A >/dev/null
  for home in /root /home/ktrdr; do
    install -d -m 0700 "$home/.ssh"
    install -m 0600 /etc/ktrdr-lab/authorized_keys "$home/.ssh/authorized_keys"
  done
  chown -R ktrdr:ktrdr /home/ktrdr/.ssh
}

if [ "${1:-}" = keys ]; then
  install_keys
  cat /etc/ssh/ssh_host_ed25519_key.pub
  exit 0
fi

: "${KTRDR_LAB_REGISTRY:?set by LabUp}" "${KTRDR_LAB_DNS:?set by LabUp}"
install_keys
mkdir -p /etc/docker
cat > /etc/docker/daemon.json <<JSON
{
  "insecure-registries": ["${KTRDR_LAB_REGISTRY}"],
  "dns": ["${KTRDR_LAB_DNS}"],
  "storage-driver": "overlay2"
}
JSON

/usr/sbin/sshd -E /var/log/sshd.log
exec dockerd >>/var/log/dockerd.log 2>&1
