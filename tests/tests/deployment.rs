//! The container deployment, checked as far as a machine without a container engine allows:
//! the compose file parses and wires PostgreSQL, two nodes and a proxy with health checks; the
//! proxy passes websockets and lets quiet connections live; the image is multi-stage and runs
//! as a non-root user; every setting the compose file gives a node is one the server reads.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use flamingo_server::cli::Cli;
use yaml_rust2::{Yaml, YamlLoader};

const NODES: [&str; 2] = ["flamingo-a", "flamingo-b"];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_owned()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn compose() -> Yaml {
    let docs = YamlLoader::load_from_str(&read("docker-compose.yml")).expect("valid YAML");
    assert_eq!(docs.len(), 1, "one YAML document");
    docs.into_iter().next().expect("document")
}

fn str_at<'a>(y: &'a Yaml, what: &str) -> &'a str {
    y.as_str()
        .unwrap_or_else(|| panic!("{what}: expected a string, got {y:?}"))
}

/// A service's health check command, joined into one string.
fn healthcheck(service: &Yaml, name: &str) -> String {
    let test = &service["healthcheck"]["test"];
    let parts: Vec<&str> = match test {
        Yaml::Array(items) => items.iter().map(|i| str_at(i, name)).collect(),
        Yaml::String(s) => vec![s.as_str()],
        other => panic!("{name} has no health check test: {other:?}"),
    };
    assert!(
        matches!(parts.first(), Some(&"CMD") | Some(&"CMD-SHELL")),
        "{name}: health check must start with CMD or CMD-SHELL: {parts:?}"
    );
    parts.join(" ")
}

#[test]
fn compose_runs_postgres_two_nodes_and_a_proxy_with_health_checks() {
    let doc = compose();
    let services = doc["services"].as_hash().expect("services");
    let names: HashSet<&str> = services.keys().map(|k| str_at(k, "service name")).collect();
    assert_eq!(
        names,
        HashSet::from(["db", "flamingo-a", "flamingo-b", "proxy"]),
        "services"
    );
    let s = &doc["services"];

    assert!(str_at(&s["db"]["image"], "db image").starts_with("postgres:"));
    assert!(healthcheck(&s["db"], "db").contains("pg_isready"));
    assert!(
        s["db"]["volumes"].as_vec().is_some_and(|v| !v.is_empty()),
        "the database keeps its data in a volume"
    );

    let settings: HashSet<String> = Cli::command()
        .get_arguments()
        .filter_map(|a| a.get_env().map(|e| e.to_string_lossy().into_owned()))
        .collect();
    for node in NODES {
        let n = &s[node];
        assert_eq!(
            str_at(&n["build"], node),
            ".",
            "{node} builds the Dockerfile here"
        );
        let env = n["environment"].as_hash().expect("node environment");
        for key in env.keys() {
            let key = str_at(key, node);
            assert!(
                settings.contains(key),
                "{node} sets {key}, which the server does not read (known: {settings:?})"
            );
        }
        let url = str_at(&n["environment"]["FLAMINGO_DATABASE_URL"], node);
        assert!(
            url.starts_with("postgres://") && url.contains("@db:5432/"),
            "{node} uses the db service: {url}"
        );
        assert_eq!(
            str_at(&n["depends_on"]["db"]["condition"], node),
            "service_healthy",
            "{node} waits for a healthy database"
        );
        assert!(healthcheck(n, node).contains("http://127.0.0.1:8080/healthz"));
        assert!(
            str_at(&n["environment"]["FLAMINGO_BIND"], node).ends_with(":8080"),
            "{node} listens where the proxy and health check look"
        );
        assert!(
            n["ports"].is_badvalue(),
            "{node} is reached only through the proxy"
        );
    }

    let proxy = &s["proxy"];
    assert!(str_at(&proxy["image"], "proxy image").starts_with("nginx:"));
    let ports: Vec<&str> = proxy["ports"]
        .as_vec()
        .expect("proxy ports")
        .iter()
        .map(|p| str_at(p, "port"))
        .collect();
    assert!(
        ports.iter().any(|p| p.ends_with(":80")),
        "proxy publishes port 80: {ports:?}"
    );
    for node in NODES {
        assert_eq!(
            str_at(&proxy["depends_on"][node]["condition"], "proxy"),
            "service_healthy"
        );
    }
    assert!(healthcheck(proxy, "proxy").contains("/healthz"));
    let mounts: Vec<&str> = proxy["volumes"]
        .as_vec()
        .expect("proxy volumes")
        .iter()
        .map(|v| str_at(v, "volume"))
        .collect();
    let conf = mounts
        .iter()
        .find_map(|m| m.strip_prefix("./").and_then(|m| m.split(':').next()))
        .expect("the proxy's configuration is mounted from this repository");
    assert!(repo().join(conf).is_file(), "{conf} exists");
}

/// The body of the first `<head> { ... }` block, e.g. `location /ws`.
fn block<'a>(conf: &'a str, head: &str) -> &'a str {
    let start = conf
        .find(&format!("{head} {{"))
        .unwrap_or_else(|| panic!("no {head} block"));
    let body = &conf[start..];
    &body[..body.find('}').expect("block end")]
}

fn directive<'a>(block: &'a str, name: &str) -> Vec<&'a str> {
    block
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.strip_prefix(name).filter(|r| r.starts_with(' ')))
        .map(|r| r.trim().trim_end_matches(';').trim())
        .collect()
}

fn seconds(value: &str) -> u64 {
    let (n, unit) = value.split_at(
        value
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(value.len()),
    );
    let n: u64 = n.parse().expect("a number");
    match unit {
        "" | "s" => n,
        "m" => n * 60,
        "h" => n * 3600,
        other => panic!("unit {other}"),
    }
}

#[test]
fn the_proxy_passes_websockets_to_both_nodes() {
    let conf = read("deploy/nginx.conf");
    let upstream = block(&conf, "upstream flamingo");
    let servers = directive(upstream, "server");
    for node in NODES {
        assert!(
            servers
                .iter()
                .any(|s| s.starts_with(&format!("{node}:8080"))),
            "upstream lists {node}: {servers:?}"
        );
    }

    let ws = block(&conf, "location /ws");
    assert_eq!(directive(ws, "proxy_pass"), ["http://flamingo"]);
    assert_eq!(
        directive(ws, "proxy_http_version"),
        ["1.1"],
        "websockets need HTTP/1.1"
    );
    let headers = directive(ws, "proxy_set_header");
    assert!(headers.contains(&"Upgrade $http_upgrade"), "{headers:?}");
    assert!(
        headers.contains(&"Connection $connection_upgrade"),
        "{headers:?}"
    );
    assert!(conf.contains("map $http_upgrade $connection_upgrade"));
    // The server checks Origin against Host: the browser's Host must reach it.
    assert!(headers.contains(&"Host $http_host"), "{headers:?}");
    // Quiet but healthy websockets (the server pings every 15 s, drops after 40 s of silence)
    // must outlive the proxy's read timeout.
    let read_timeout = directive(ws, "proxy_read_timeout");
    assert!(
        read_timeout.first().is_some_and(|t| seconds(t) > 40),
        "proxy_read_timeout {read_timeout:?}"
    );
    assert_eq!(directive(ws, "proxy_buffering"), ["off"]);

    let rest = block(&conf, "location /");
    assert_eq!(directive(rest, "proxy_pass"), ["http://flamingo"]);
    assert!(directive(rest, "proxy_set_header").contains(&"Host $http_host"));
}

#[test]
fn the_image_is_multi_stage_small_and_not_root() {
    let dockerfile = read("Dockerfile");
    let lines: Vec<&str> = dockerfile
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .collect();
    let froms: Vec<&&str> = lines.iter().filter(|l| l.starts_with("FROM ")).collect();
    assert_eq!(
        froms.len(),
        2,
        "a build stage and a runtime stage: {froms:?}"
    );
    assert!(froms[0].contains(" AS build"));
    assert!(
        froms[1].contains("-slim") || froms[1].contains("distroless"),
        "a small runtime base: {}",
        froms[1]
    );
    let runtime_start = lines
        .iter()
        .rposition(|l| l.starts_with("FROM "))
        .expect("from");
    let runtime = &lines[runtime_start..];
    assert!(
        runtime.iter().any(|l| l.starts_with("COPY --from=build ")),
        "the runtime stage copies only the built binary"
    );
    let user = runtime
        .iter()
        .find_map(|l| l.strip_prefix("USER "))
        .expect("a USER in the runtime stage");
    assert!(!matches!(user.trim(), "root" | "0"), "runs as {user}");
    assert!(runtime.iter().any(|l| l.starts_with("HEALTHCHECK ")));
    assert!(
        dockerfile.contains("--locked"),
        "builds the locked dependency set"
    );
    // Everything the build copies exists, and the heavy local folders stay out of the context.
    for l in &lines {
        if let Some(rest) = l.strip_prefix("COPY ").filter(|r| !r.starts_with("--from")) {
            let parts: Vec<&str> = rest.split_whitespace().collect();
            for src in &parts[..parts.len() - 1] {
                assert!(repo().join(src).exists(), "COPY source {src} exists");
            }
        }
    }
    let ignored = read(".dockerignore");
    assert!(ignored.lines().any(|l| l.trim() == "target"));
}
