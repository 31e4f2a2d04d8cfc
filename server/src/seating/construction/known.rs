//! Resolvable designs from the literature that no formula here produces, checked in as data:
//! each is verified by a test (everyone seated once a round, sizes within one, no pair twice).
//!
//! A round is a string whose i-th character is person i's table, a base-36 digit.

pub(crate) struct Known {
    pub people: usize,
    pub tables: usize,
    pub rounds: &'static [&'static str],
}

impl Known {
    /// Person `position`'s table in `round` (rounds past the design's last start over).
    pub fn table(&self, position: usize, round: usize) -> usize {
        let row = self.rounds[round % self.rounds.len()].as_bytes();
        row.get(position)
            .and_then(|d| char::from(*d).to_digit(36))
            .map_or(0, |d| d as usize)
    }

    /// Whether the first `seats` people sit at tables within one of each other every round.
    pub fn balanced_for(&self, seats: usize) -> bool {
        seats <= self.people
            && (0..self.rounds.len()).all(|r| {
                let mut sizes = vec![0usize; self.tables];
                for p in 0..seats {
                    sizes[self.table(p, r)] += 1;
                }
                let (min, max) = (sizes.iter().min(), sizes.iter().max());
                min.zip(max).is_some_and(|(a, b)| b - a <= 1)
            })
    }
}

/// The registry's checked-in entries; the formulas in `affine.rs` come first.
pub(crate) const KNOWN: &[Known] = &[
    // Kirkman's schoolgirls: a Kirkman triple system of order 15.
    Known {
        people: 15,
        tables: 5,
        rounds: &[
            "000111222333444",
            "012012034134234",
            "012103423432401",
            "012234130421043",
            "012324402013134",
            "012340431240312",
            "012341213304420",
        ],
    },
    // A Kirkman triple system of order 21.
    Known {
        people: 21,
        tables: 7,
        rounds: &[
            "004210153426135362645",
            "324005611014522633564",
            "043526402110531623456",
            "400021315642513236645",
            "432500161401252363564",
            "304652240011153362456",
            "040102531264351623645",
            "243050116140225336564",
            "430265024101315236456",
            "123123123456456456000",
        ],
    },
    // A resolvable 2-(28, 4, 1) design.
    Known {
        people: 28,
        tables: 7,
        rounds: &[
            "0000111122223333444455556666",
            "0156013434561245123602460235",
            "0156104356344512361264205320",
            "0156235601232154034546026431",
            "0156240165426230305413254613",
            "0156326523015421450320641346",
            "0156421042653062543052313164",
            "0156562442103604216335142053",
            "0123324510450463365141266205",
        ],
    },
    // The social golfer problem 8-4-10 (Aguado, 2004). People 2i and 2i + 1 are the pairs
    // who never meet, so the first 30 or 31 people still sit at tables within one.
    Known {
        people: 32,
        tables: 8,
        rounds: &[
            "04040404151515152626262637373737",
            "04155123042351150476236740677632",
            "03145627653027417256413041273056",
            "05125021673443765021120567764334",
            "07145623146570232365074165073214",
            "07135225641346703107466452312570",
            "02165320200216537416475374356147",
            "01105327536472466446537227105301",
            "03165427615403721630452703541627",
            "07135426623145074562701313620745",
        ],
    },
    // A resolvable 2-(40, 4, 1) design.
    Known {
        people: 40,
        tables: 10,
        rounds: &[
            "9082167761280932540110452396587344378569",
            "0908216776128393254011045269658734437859",
            "8090821677612239325401104556965873443789",
            "2809082167761523932540110485696587344379",
            "1280908216776452393254011078569658734439",
            "6128090821677045239325401137856965873449",
            "7612809082167104523932540143785696587349",
            "7761280908216110452393254044378569658739",
            "6776128090821011045239325434437856965879",
            "1677612809082401104523932573443785696589",
            "2167761280908540110452393287344378569659",
            "8216776128090254011045239358734437856969",
            "0821677612809325401104523965873443785699",
        ],
    },
];
