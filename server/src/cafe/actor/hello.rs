//! A connection's `hello`: who its credentials make it (a join writes the new participant
//! first), then its first frames (welcome, then a replay or a snapshot, then synced), then
//! it joins the audience, all in the owner so no event falls between snapshot and stream.

use flamingo_protocol::{Cursor, ErrorCode, Role, ServerMessage, You};
use tracing::warn;

use super::Owner;
use crate::cafe::{Credentials, Session};
use crate::clock::now_ms;
use crate::engine::{self, Actor, Input, Viewer, staff_actor};
use crate::outbound::{Outbound, QUEUE_FRAMES};
use crate::refusal::Refusal;
use crate::secrets;

fn refused() -> Refusal {
    Refusal::bad_credentials("those credentials do not open this café")
}

fn no_database() -> Refusal {
    Refusal::unavailable("the server cannot reach its database; try again shortly")
}

impl Owner {
    pub(super) async fn hello(
        &mut self,
        credentials: Credentials,
        since: Option<Cursor>,
        request_id: Option<u32>,
        conn: Outbound,
    ) -> Result<Session, Refusal> {
        // A client may come here from another node, holding a cursor or credentials this node
        // has not heard of yet: read the log first. Without the database, serve what this node
        // knows, unless the client has seen more (it must never go back in time).
        let mut stale = false;
        if self.shared
            && let Err(e) = self.catch_up().await
        {
            warn!(error = %e, "could not read what other nodes appended");
            if since.as_ref().is_some_and(|c| c.seq > self.cafe.seq) {
                return Err(no_database());
            }
            stale = true;
        }
        let mut resume_token = None;
        let session = match credentials {
            Credentials::Facilitator { key } => Session {
                actor: staff_actor(&self.cafe, &key).ok_or_else(refused)?,
                viewer: Viewer::Staff,
            },
            Credentials::Wall => Session {
                actor: Actor::Wall,
                viewer: Viewer::Wall,
            },
            Credentials::Participant {
                participant_id,
                resume_token: token,
            } => {
                // Someone who joined through another node while this one cannot read the log
                // is not refused for good: they are told to try again.
                let p = self
                    .cafe
                    .participant(participant_id)
                    .ok_or_else(|| if stale { no_database() } else { refused() })?;
                if !secrets::verify_secret(&token, &p.token_hash) {
                    return Err(refused());
                }
                if !p.present {
                    return Err(Refusal::new(
                        ErrorCode::Forbidden,
                        "you are no longer in this café; join again with the code",
                    ));
                }
                Session {
                    actor: Actor::Participant(participant_id),
                    viewer: Viewer::Phone(participant_id),
                }
            }
            Credentials::Join {
                name,
                organisation,
                role,
                join_key,
            } => {
                let token = match join_key {
                    Some(key) if secrets::is_client_secret(&key) => key,
                    Some(_) => {
                        return Err(Refusal::new(
                            ErrorCode::InvalidInput,
                            "joinKey must be 32 to 128 letters, digits, - or _",
                        ));
                    }
                    None => secrets::new_secret(),
                };
                // A join sent again with its key is the person it made the first time.
                let token_hash = secrets::hash_secret(&token);
                let participant_id = self
                    .cafe
                    .participants
                    .iter()
                    .find(|p| p.token_hash == token_hash)
                    .map_or_else(uuid::Uuid::new_v4, |p| p.id);
                self.process(
                    Input::Join {
                        participant_id,
                        name,
                        organisation,
                        role,
                        token_hash,
                    },
                    now_ms(),
                )
                .await?;
                resume_token = Some(token);
                Session {
                    actor: Actor::Participant(participant_id),
                    viewer: Viewer::Phone(participant_id),
                }
            }
        };
        // A brand-new participant has no history to resume.
        let since = since.filter(|_| resume_token.is_none());
        let (role, participant_id) = match session.actor {
            Actor::Facilitator => (Role::Facilitator, None),
            Actor::CoFacilitator => (Role::CoFacilitator, None),
            Actor::Wall => (Role::Wall, None),
            Actor::Participant(p) => (Role::Participant, Some(p)),
        };
        let now = now_ms();
        conn.send_msg(&ServerMessage::Welcome {
            request_id,
            cafe_id: self.cafe.id,
            you: You {
                role,
                participant_id,
                resume_token,
            },
            epoch: self.epoch.clone(),
            server_time: now,
        });
        let replay = since.filter(|c| c.epoch == self.epoch).and_then(|c| {
            self.history
                .since(&c, self.cafe.seq, session.viewer, QUEUE_FRAMES / 2)
        });
        match replay {
            Some(missed) => {
                for (seq, part, at, update) in missed {
                    conn.send_msg(&ServerMessage::Event {
                        seq,
                        part,
                        at,
                        server_time: now,
                        update,
                    });
                }
                if matches!(session.viewer, Viewer::Staff | Viewer::Wall) {
                    conn.send_msg(&ServerMessage::PresenceList {
                        connected: self.audience.connected(&self.cafe),
                    });
                }
            }
            None => {
                // Only the staff see who is connected; listing it for every phone's hello
                // made a join storm quadratic.
                let connected = match session.viewer {
                    Viewer::Staff | Viewer::Wall => self.audience.connected(&self.cafe),
                    Viewer::Phone(_) => Vec::new(),
                };
                conn.send_msg(&ServerMessage::Snapshot {
                    epoch: self.epoch.clone(),
                    seq: self.cafe.seq,
                    server_time: now,
                    cafe: engine::view::snapshot(&self.cafe, session.viewer, &connected),
                });
            }
        }
        conn.send_msg(&ServerMessage::Synced {
            seq: self.cafe.seq,
            server_time: now,
        });
        self.audience.subscribe(conn, session);
        Ok(session)
    }
}
