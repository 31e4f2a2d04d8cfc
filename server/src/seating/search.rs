//! Tabu search over the rounds still to come, on swaps (and size-keeping moves) within a round.
//!
//! The cost is over every planned round at once: a pair that meets `c` times in all (past and
//! planned rounds) costs `meetings_cost(c)`, lexicographically above every same-organisation or
//! same-role pair at a planned table (its silo weight); the facilitator's rules weigh above
//! all. A swap changes the cost only around the two tables it touches, so its delta is a sum
//! over about 4·(table size) pairs: that is what makes a room of thousands affordable. Bounded
//! by work done, never by the clock, so a seed decides all.

use super::room::{REPEAT_WEIGHT, RULE_WEIGHT, Room, meetings_cost, next_meeting};

/// Who sits where in each planned round; round 0 is the one being seated now.
pub(crate) struct Schedule {
    pub table_of: Vec<Vec<u32>>,
    pub tables: Vec<Vec<Vec<u32>>>,
    /// People the search must not move: pins and, once chosen, hosts (round 0 only).
    pub fixed: Vec<bool>,
    /// The regular tables come first; any after them exist only for pins and keep their size.
    pub regular: usize,
    /// Round 0's tables whose size pins decided (with a seat kept for a host who stays): a
    /// swap keeps their size, a move out of them would give their seat to another table.
    pub sized: Vec<bool>,
}

impl Schedule {
    pub fn new(n: usize, regular: usize, rounds: Vec<Vec<Vec<u32>>>) -> Self {
        let table_of = rounds
            .iter()
            .map(|tables| {
                let mut of = vec![0; n];
                for (t, members) in tables.iter().enumerate() {
                    for &m in members {
                        of[m as usize] = t as u32;
                    }
                }
                of
            })
            .collect();
        Self {
            table_of,
            tables: rounds,
            fixed: vec![false; n],
            regular,
            sized: Vec::new(),
        }
    }

    fn rebuild(&mut self, r: usize) {
        for t in &mut self.tables[r] {
            t.clear();
        }
        for (p, &t) in self.table_of[r].iter().enumerate() {
            self.tables[r][t as usize].push(p as u32);
        }
    }

    /// Round `r`'s tables in a new order: new table `i` is old table `order[i]`.
    pub fn reorder(&mut self, r: usize, order: &[usize]) {
        let mut new_of = vec![0; order.len()];
        for (i, &old) in order.iter().enumerate() {
            new_of[old] = i as u32;
        }
        for t in &mut self.table_of[r] {
            *t = new_of[*t as usize];
        }
        self.rebuild(r);
    }

    pub fn swap(&mut self, r: usize, p: u32, q: u32) {
        let (a, b) = (self.table_of[r][p as usize], self.table_of[r][q as usize]);
        let ta = &mut self.tables[r][a as usize];
        if let Some(i) = ta.iter().position(|x| *x == p) {
            ta[i] = q;
        }
        let tb = &mut self.tables[r][b as usize];
        if let Some(i) = tb.iter().position(|x| *x == q) {
            tb[i] = p;
        }
        self.table_of[r][p as usize] = b;
        self.table_of[r][q as usize] = a;
    }

    fn relocate(&mut self, r: usize, p: u32, to: u32) {
        let from = self.table_of[r][p as usize];
        self.tables[r][from as usize].retain(|x| *x != p);
        self.tables[r][to as usize].push(p);
        self.table_of[r][p as usize] = to;
    }
}

/// How long a search may run and when it may stop early.
#[derive(Clone, Copy)]
pub(crate) struct Limits {
    /// Pair-round evaluations in all; the search's only clock.
    pub work: u64,
    /// Iterations without a new best before a random kick.
    pub stall: u32,
    /// Kicks without a new best before giving up.
    pub kicks: u32,
    /// A cost no schedule can beat; reaching it ends the search.
    pub floor: i64,
}

/// The best schedule met so far; `saved` once `table_of` holds it (it is copied only when the
/// walk leaves it).
struct Best {
    table_of: Vec<Vec<u32>>,
    cost: i64,
    saved: bool,
}

#[derive(Clone, Copy)]
enum Step {
    Swap(u32),
    Move(u32),
}

pub(crate) struct Search<'a> {
    room: &'a Room,
    pub schedule: Schedule,
    pub cost: i64,
    rng: fastrand::Rng,
    work: u64,
}

impl<'a> Search<'a> {
    pub fn new(room: &'a Room, schedule: Schedule, seed: u64) -> Self {
        let mut s = Self {
            room,
            schedule,
            cost: 0,
            rng: fastrand::Rng::with_seed(seed),
            work: 0,
        };
        s.cost = s.total_cost();
        s
    }

    /// A pair lookup scans every planned round, so work is counted in pair-rounds.
    fn rounds(&self) -> u64 {
        self.schedule.tables.len() as u64
    }

    /// How often `a` and `b` meet, past rounds and every planned round together.
    fn meetings(&self, a: u32, b: u32) -> i64 {
        let planned = self
            .schedule
            .table_of
            .iter()
            .filter(|of| of[a as usize] == of[b as usize])
            .count() as i64;
        self.room.met_before(a, b) + planned
    }

    /// The cost `p` adds by sitting with `x` (the pair not yet together in this round).
    fn join_cost(&self, p: u32, x: u32) -> i64 {
        next_meeting(self.meetings(p, x)) + self.room.pair_cost(p, x)
    }

    /// The cost `p` takes away by leaving `x` (the pair together in this round).
    fn leave_cost(&self, p: u32, x: u32) -> i64 {
        next_meeting(self.meetings(p, x) - 1) + self.room.pair_cost(p, x)
    }

    /// What `p` costs at their table in round `r`: what leaving it would save, plus the rule
    /// weight of each partner they are kept together with who sits elsewhere.
    fn contribution(&mut self, r: usize, p: u32) -> i64 {
        let of = &self.schedule.table_of[r];
        let t = of[p as usize];
        let members = &self.schedule.tables[r][t as usize];
        self.work += members.len() as u64 * self.rounds();
        let separated = self.room.together[p as usize]
            .iter()
            .filter(|x| of[**x as usize] != t)
            .count() as i64;
        members
            .iter()
            .filter(|x| **x != p)
            .map(|x| self.leave_cost(p, *x))
            .sum::<i64>()
            + RULE_WEIGHT * separated
    }

    /// The cost of swapping `p` and `q` (at different tables) in round `r`.
    pub fn swap_delta(&mut self, r: usize, p: u32, q: u32) -> i64 {
        let a = self.schedule.table_of[r][p as usize] as usize;
        let b = self.schedule.table_of[r][q as usize] as usize;
        let (ta, tb) = (&self.schedule.tables[r][a], &self.schedule.tables[r][b]);
        self.work += 2 * (ta.len() + tb.len()) as u64 * self.rounds();
        let mut delta = 0;
        for &x in ta.iter().filter(|x| **x != p) {
            delta += self.join_cost(q, x) - self.leave_cost(p, x);
        }
        for &x in tb.iter().filter(|x| **x != q) {
            delta += self.join_cost(p, x) - self.leave_cost(q, x);
        }
        delta
    }

    fn move_delta(&mut self, r: usize, p: u32, to: usize) -> i64 {
        let a = self.schedule.table_of[r][p as usize] as usize;
        let (ta, tb) = (&self.schedule.tables[r][a], &self.schedule.tables[r][to]);
        self.work += (ta.len() + tb.len()) as u64 * self.rounds();
        let leave: i64 = ta
            .iter()
            .filter(|x| **x != p)
            .map(|x| self.leave_cost(p, *x))
            .sum();
        let join: i64 = tb.iter().map(|x| self.join_cost(p, *x)).sum();
        join - leave
    }

    pub fn swap(&mut self, r: usize, p: u32, q: u32) {
        self.cost += self.swap_delta(r, p, q);
        self.schedule.swap(r, p, q);
    }

    /// The whole cost of the planned rounds, each pair counted once.
    fn total_cost(&self) -> i64 {
        let mut cost = 0;
        for (r, tables) in self.schedule.tables.iter().enumerate() {
            for members in tables {
                for (i, &a) in members.iter().enumerate() {
                    for &b in &members[i + 1..] {
                        cost += self.room.pair_cost(a, b);
                        let counted_before = self.schedule.table_of[..r]
                            .iter()
                            .any(|of| of[a as usize] == of[b as usize]);
                        if !counted_before {
                            let c = self.meetings(a, b);
                            cost += meetings_cost(c);
                        }
                    }
                }
            }
        }
        cost
    }

    fn movable(&self, r: usize, p: u32) -> bool {
        r > 0 || !self.schedule.fixed[p as usize]
    }

    /// A person who costs something somewhere: a few random tries, then a full scan. A
    /// repeat (or a broken rule) found among the tries goes before a silo, as in Dotú and Van
    /// Hentenryck's search, which moves only people in conflict.
    fn pick_conflict(&mut self) -> Option<(usize, u32)> {
        let (rounds, n) = (self.schedule.tables.len(), self.room.len());
        let mut silo = None;
        for _ in 0..16 {
            let r = self.rng.usize(..rounds);
            let p = self.rng.u32(..n as u32);
            if !self.movable(r, p) {
                continue;
            }
            match self.contribution(r, p) {
                c if c >= REPEAT_WEIGHT => return Some((r, p)),
                c if c > 0 && silo.is_none() => silo = Some((r, p)),
                _ => {}
            }
        }
        if silo.is_some() {
            return silo;
        }
        let (mut conflicts, mut repeats) = (Vec::new(), Vec::new());
        for r in 0..rounds {
            for p in 0..n as u32 {
                if !self.movable(r, p) {
                    continue;
                }
                match self.contribution(r, p) {
                    c if c >= REPEAT_WEIGHT => repeats.push((r, p)),
                    c if c > 0 => conflicts.push((r, p)),
                    _ => {}
                }
            }
        }
        let pool = if repeats.is_empty() {
            conflicts
        } else {
            repeats
        };
        (!pool.is_empty()).then(|| pool[self.rng.usize(..pool.len())])
    }

    /// Runs the search and leaves the best schedule found in place.
    pub fn run(&mut self, limits: Limits) {
        let n = self.room.len();
        let rounds = self.schedule.tables.len();
        if n < 2 || rounds == 0 {
            return;
        }
        // Per round and person: the table they just left, and until which iteration they
        // may not go back to it.
        let mut tabu: Vec<Vec<(u32, u64)>> = vec![vec![(u32::MAX, 0); n]; rounds];
        let mut best = Best {
            table_of: self.schedule.table_of.clone(),
            cost: self.cost,
            saved: true,
        };
        let (mut stalled, mut kicks) = (0, 0);
        let budget = self.work.saturating_add(limits.work);
        let mut iteration: u64 = 0;
        while self.work < budget && best.cost > limits.floor {
            iteration += 1;
            if let Some((delta, r, p, q)) = self.repair() {
                self.save_if_best(&mut best);
                self.schedule.swap(r, p, q);
                self.cost += delta;
            } else {
                let Some((r, p)) = self.pick_conflict() else {
                    break;
                };
                if let Some((delta, step)) = self.best_step(r, p, &tabu, iteration, best.cost) {
                    // The best state is copied only when the walk leaves it, not at every
                    // step of an improving streak.
                    if delta >= 0 {
                        self.save_if_best(&mut best);
                    }
                    let from = self.schedule.table_of[r][p as usize];
                    let tenure = iteration + 3 + self.rng.u64(..8);
                    match step {
                        Step::Swap(q) => {
                            let to = self.schedule.table_of[r][q as usize];
                            self.schedule.swap(r, p, q);
                            tabu[r][q as usize] = (to, tenure);
                        }
                        Step::Move(to) => self.schedule.relocate(r, p, to),
                    }
                    tabu[r][p as usize] = (from, tenure);
                    self.cost += delta;
                }
            }
            if self.cost < best.cost {
                best.cost = self.cost;
                best.saved = false;
                stalled = 0;
                kicks = 0;
                continue;
            }
            stalled += 1;
            if stalled >= limits.stall {
                if kicks >= limits.kicks {
                    break;
                }
                kicks += 1;
                stalled = 0;
                // Kick from the best schedule found, not from wherever the walk drifted
                // (Dotú and Van Hentenryck restart from the best too).
                self.save_if_best(&mut best);
                self.restore(&best);
                self.kick();
            }
        }
        self.save_if_best(&mut best);
        self.restore(&best);
    }

    /// Copies the schedule into `best` if it is the best and not yet copied.
    fn save_if_best(&self, best: &mut Best) {
        if !best.saved && self.cost == best.cost {
            best.table_of.clone_from(&self.schedule.table_of);
            best.saved = true;
        }
    }

    /// Goes back to the best schedule, unless already there.
    fn restore(&mut self, best: &Best) {
        if self.cost == best.cost {
            return;
        }
        self.schedule.table_of.clone_from(&best.table_of);
        for r in 0..self.schedule.tables.len() {
            self.schedule.rebuild(r);
        }
        self.cost = best.cost;
    }

    /// A swap that mends a broken rule (a pair kept apart at one table, or together at two)
    /// and lowers the cost, if there is one: the best swap moving one of the pair, to the
    /// other's table or (for a pair kept apart) with one of a few people picked at random.
    /// Checking every rule is cheap (one comparison per pair and round), and mending them this
    /// way costs a few swaps however large the room, where the tabu step would scan it all.
    fn repair(&mut self) -> Option<(i64, usize, u32, u32)> {
        if self.room.rule_pairs.is_empty() {
            return None;
        }
        let of = &self.schedule.table_of;
        let broken: Vec<(usize, u32, u32, bool)> = (0..of.len())
            .flat_map(|r| {
                self.room
                    .rule_pairs
                    .iter()
                    .filter(move |(a, b, apart)| {
                        (of[r][*a as usize] == of[r][*b as usize]) == *apart
                    })
                    .map(move |(a, b, apart)| (r, *a, *b, *apart))
            })
            .filter(|(r, a, b, _)| self.movable(*r, *a) || self.movable(*r, *b))
            .collect();
        if broken.is_empty() {
            return None;
        }
        let (r, a, b, apart) = broken[self.rng.usize(..broken.len())];
        let mut candidates: Vec<(u32, u32)> = Vec::new();
        let n = self.room.len() as u32;
        for (x, other) in [(a, b), (b, a)] {
            if !self.movable(r, x) {
                continue;
            }
            if apart {
                for _ in 0..32 {
                    let y = self.rng.u32(..n);
                    if self.schedule.table_of[r][y as usize]
                        != self.schedule.table_of[r][x as usize]
                    {
                        candidates.push((x, y));
                    }
                }
            } else {
                let to = self.schedule.table_of[r][other as usize] as usize;
                candidates.extend(self.schedule.tables[r][to].iter().map(|y| (x, *y)));
            }
        }
        candidates.retain(|(_, y)| *y != a && *y != b && self.movable(r, *y));
        let mut best: Option<(i64, u32, u32)> = None;
        for (x, y) in candidates {
            let delta = self.swap_delta(r, x, y);
            if best.is_none_or(|(d, ..)| delta < d) {
                best = Some((delta, x, y));
            }
        }
        best.filter(|(d, ..)| *d < 0).map(|(d, x, y)| (d, r, x, y))
    }

    /// The best step for `p` in round `r` that is not tabu (unless it beats the best so far).
    fn best_step(
        &mut self,
        r: usize,
        p: u32,
        tabu: &[Vec<(u32, u64)>],
        iteration: u64,
        best_cost: i64,
    ) -> Option<(i64, Step)> {
        let a = self.schedule.table_of[r][p as usize];
        let size_a = self.schedule.tables[r][a as usize].len();
        let is_tabu = |who: u32, to: u32| {
            let (t, until) = tabu[r][who as usize];
            t == to && until > iteration
        };
        let mut best: Option<(i64, Step)> = None;
        let mut ties = 0;
        let tables = self.schedule.tables[r].len() as u32;
        for b in (0..tables).filter(|b| *b != a) {
            let size_b = self.schedule.tables[r][b as usize].len();
            for qi in 0..size_b {
                let q = self.schedule.tables[r][b as usize][qi];
                if !self.movable(r, q) {
                    continue;
                }
                let forbidden = is_tabu(p, b) || is_tabu(q, a);
                let delta = self.swap_delta(r, p, q);
                if !forbidden || self.cost + delta < best_cost {
                    self.keep_better(&mut best, &mut ties, delta, Step::Swap(q));
                }
            }
            let keeps_sizes = (b as usize) < self.schedule.regular
                && (a as usize) < self.schedule.regular
                && !(r == 0 && self.schedule.sized.get(a as usize) == Some(&true));
            if keeps_sizes && size_b + 1 == size_a {
                let delta = self.move_delta(r, p, b as usize);
                if !is_tabu(p, b) || self.cost + delta < best_cost {
                    self.keep_better(&mut best, &mut ties, delta, Step::Move(b));
                }
            }
        }
        best
    }

    /// Keeps the lower delta; among equal ones, each with equal chance.
    fn keep_better(
        &mut self,
        best: &mut Option<(i64, Step)>,
        ties: &mut u32,
        delta: i64,
        step: Step,
    ) {
        match *best {
            Some((d, _)) if delta > d => {}
            Some((d, _)) if delta == d => {
                *ties += 1;
                if self.rng.u32(..=*ties) == 0 {
                    *best = Some((delta, step));
                }
            }
            _ => {
                *ties = 0;
                *best = Some((delta, step));
            }
        }
    }

    /// A few random swaps, to leave a basin the tabu list cannot.
    fn kick(&mut self) {
        let rounds = self.schedule.tables.len();
        let n = self.room.len() as u32;
        for _ in 0..2 + rounds {
            let r = self.rng.usize(..rounds);
            let (p, q) = (self.rng.u32(..n), self.rng.u32(..n));
            let same_table =
                self.schedule.table_of[r][p as usize] == self.schedule.table_of[r][q as usize];
            if !same_table && self.movable(r, p) && self.movable(r, q) {
                self.swap(r, p, q);
            }
        }
    }
}
