# Flamingo server image: the binary with the web client embedded, run as a non-root user.
#   docker build -t flamingo .
#   docker run -p 8080:8080 -v flamingo-data:/data flamingo            (SQLite, one node)
#   docker compose up                                                 (PostgreSQL, two nodes)

FROM rust:1.95-bookworm AS build
WORKDIR /src
# Dependencies are fetched in a layer of their own, so a source change does not download them again.
COPY Cargo.toml Cargo.lock ./
COPY protocol/Cargo.toml protocol/Cargo.toml
COPY server/Cargo.toml server/Cargo.toml
COPY tests/Cargo.toml tests/Cargo.toml
RUN mkdir -p protocol/src server/src tests/src \
    && echo 'fn main() {}' > server/src/main.rs \
    && touch protocol/src/lib.rs server/src/lib.rs tests/src/lib.rs \
    && cargo fetch --locked
COPY protocol protocol
COPY server server
COPY tests tests
COPY web-client web-client
RUN cargo build --release --locked -p flamingo-server --bin flamingo \
    && strip target/release/flamingo

FROM debian:bookworm-slim
# curl answers the health check; ca-certificates for TLS connections to a managed database.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin flamingo \
    && mkdir /data && chown flamingo:flamingo /data
COPY --from=build /src/target/release/flamingo /usr/local/bin/flamingo
USER flamingo
ENV FLAMINGO_BIND=0.0.0.0:8080 \
    FLAMINGO_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["/usr/local/bin/flamingo"]
