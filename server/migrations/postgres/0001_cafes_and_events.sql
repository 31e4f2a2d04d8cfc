-- Every café and its append-only event log. `last_seq` is the log's tip: an append names the
-- tip it was decided against and moves it only if no other node moved it first.
CREATE TABLE cafes (
    id         UUID PRIMARY KEY,
    join_code  TEXT NOT NULL UNIQUE,
    epoch      TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seq   BIGINT NOT NULL,
    closed     BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE events (
    cafe_id UUID NOT NULL REFERENCES cafes (id),
    seq     BIGINT NOT NULL,
    at      BIGINT NOT NULL,
    body    JSONB NOT NULL,
    PRIMARY KEY (cafe_id, seq)
);

CREATE INDEX cafes_open ON cafes (created_at) WHERE NOT closed;
