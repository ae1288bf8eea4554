#!/bin/sh
# Generates the TEST-ONLY TLS material in tests/data/tls/ (committed, so tests need no openssl at
# run time): a test CA, a server certificate it signed for localhost, 127.0.0.1 and ::1, and a
# self-signed certificate for the same names that no test trusts. Valid for 100 years.
# The private keys are public: never use them for anything but tests.
#
# Usage: tools/make-test-certs.sh [OUTPUT_DIR]   (default: tests/data/tls next to this script)
set -eu

out=${1:-"$(cd "$(dirname "$0")/.." && pwd)/tests/data/tls"}
days=36500
sans="subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The test CA.
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$days" \
    -subj "/O=Brickrun tests/CN=Brickrun Test CA" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" \
    -keyout "$work/ca-key.pem" -out "$out/ca.pem"

# The server certificate, signed by the CA.
openssl req -newkey rsa:2048 -nodes -sha256 \
    -subj "/O=Brickrun tests/CN=localhost" \
    -keyout "$out/server-key.pem" -out "$work/server.csr"
cat > "$work/server.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
$sans
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
EXT
openssl x509 -req -sha256 -days "$days" -in "$work/server.csr" \
    -CA "$out/ca.pem" -CAkey "$work/ca-key.pem" -set_serial 0x42 \
    -extfile "$work/server.ext" -out "$out/server.pem"

# A self-signed certificate for the same names, NOT signed by the CA (negative tests).
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$days" \
    -subj "/O=Brickrun tests (untrusted)/CN=localhost" \
    -addext "basicConstraints=critical,CA:FALSE" \
    -addext "extendedKeyUsage=serverAuth" \
    -addext "$sans" \
    -keyout "$out/untrusted-key.pem" -out "$out/untrusted.pem"

chmod 644 "$out"/*.pem

# The CA key is thrown away: nothing else can ever be signed by the test CA.
openssl verify -CAfile "$out/ca.pem" "$out/server.pem"
echo "written to $out"
