#!/usr/bin/env bash
# Checks the CUDA build's start-up refusal on a machine whose GPU the ND4J 1.0.0-M2.1 kernels
# cannot drive (Hopper and newer), without the CUDA jars: nd4j-cuda-11.6's native jar (600 MB)
# and cuda-platform-redist (1.8 GB for linux-x86_64) are far too large to ship to a lent GPU
# machine, and the refusal happens before ND4J loads them anyway.
#
#   scripts/gpu-refusal-check.sh pack   # here, after `mvn -q -DskipTests package`: writes .device/
#   scripts/gpu-refusal-check.sh run    # on the GPU machine, from the repository root
#
# .device/ holds a jlink'd Java runtime (about 39 MB), the harness jar with the few jars its
# start-up path loads, and a build.properties that says what a -Pcuda build records.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  pack)
    rm -rf .device && mkdir -p .device/cp .device/override/io/cobench
    cp harness/target/harness-*-SNAPSHOT.jar .device/cp/
    for j in picocli nd4j-api nd4j-common progressbar jline slf4j-api slf4j-nop jackson-databind jackson-core \
             jackson-annotations jackson-dataformat-yaml snakeyaml commons-lang3 commons-io guava-1 jackson-1; do
      cp benchmark/target/lib/$j*.jar .device/cp/
    done
    sed 's/^nd4j.backend=.*/nd4j.backend=nd4j-cuda-11.6/; s/^nd4j.classifier=.*/nd4j.classifier=linux-x86_64-cudnn/' \
      harness/target/classes/io/cobench/build.properties > .device/override/io/cobench/build.properties
    jlink --add-modules java.base,java.logging,java.management,jdk.unsupported,java.xml,java.naming \
      --strip-debug --no-man-pages --no-header-files --compress=2 --output .device/jre
    du -sh --apparent-size .device
    ;;
  run)
    nvidia-smi --query-gpu=name,compute_cap,driver_version --format=csv,noheader
    set +e
    .device/jre/bin/java -cp ".device/override:.device/cp/*" io.cobench.cli.Cobench bench step --steps 1
    rc=$?
    echo "exit status $rc (2 = refused with a user error)"
    ;;
  *) echo "usage: $0 pack|run" >&2; exit 2 ;;
esac
