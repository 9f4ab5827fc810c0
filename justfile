# Conveniences; the README holds the two commands that matter.

# Run the service on the embedded default (SQLite under var/, mail to var/outbox/, demo data).
run:
    cargo run -p peergroup

# The whole test suite on SQLite.
test:
    cargo test --workspace

# The whole test suite on the local PostgreSQL.
test-pg:
    PEERGROUP_TEST_DATABASE=postgres cargo test --workspace

lint:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings

fmt:
    cargo fmt --all

# API benchmarks on SQLite and PostgreSQL (see docs/PERFORMANCE.md).
bench:
    cargo run --release -p peergroup-bench -- --backend sqlite
    cargo run --release -p peergroup-bench -- --backend postgres
    cargo run --release -p peergroup-bench -- --scenario schedule --backend sqlite
    cargo run --release -p peergroup-bench -- --scenario schedule --backend postgres
    cargo run --release -p peergroup-bench -- --scenario attendance --backend sqlite
    cargo run --release -p peergroup-bench -- --scenario attendance --backend postgres
    cargo run --release -p peergroup-bench -- --scenario reminders --backend sqlite
    cargo run --release -p peergroup-bench -- --scenario reminders --backend postgres
    cargo run --release -p peergroup-bench -- --scenario pages --backend sqlite
    cargo run --release -p peergroup-bench -- --scenario pages --backend postgres
    cargo run --release -p peergroup-bench -- --scenario coordinator --backend sqlite
    cargo run --release -p peergroup-bench -- --scenario coordinator --backend postgres
    cargo run --release -p peergroup-bench -- --scenario sms --backend sqlite
