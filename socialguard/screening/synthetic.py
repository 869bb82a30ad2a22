"""Realistic made-up registries and posts, for benchmarks, fuzzing and demos.

Seeded, so a benchmark run is repeatable. Names are common UK given names and surnames;
nobody here is a real pupil.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from socialguard.screening.roster import (
    Consent,
    Device,
    Guardian,
    Organisation,
    Pupil,
    Registry,
    StaffMember,
)

FIRST_NAMES = [
    "Oliver",
    "George",
    "Noah",
    "Arthur",
    "Muhammad",
    "Leo",
    "Harry",
    "Oscar",
    "Archie",
    "Henry",
    "Theodore",
    "Freddie",
    "Jack",
    "Charlie",
    "Theo",
    "Alfie",
    "Jacob",
    "Thomas",
    "Finley",
    "Arlo",
    "William",
    "Lucas",
    "Roman",
    "Tommy",
    "Isaac",
    "Teddy",
    "Alexander",
    "Luca",
    "Edward",
    "James",
    "Joshua",
    "Albie",
    "Elijah",
    "Max",
    "Mohammed",
    "Reuben",
    "Mason",
    "Sebastian",
    "Rory",
    "Jude",
    "Louie",
    "Benjamin",
    "Ethan",
    "Adam",
    "Hugo",
    "Joseph",
    "Reggie",
    "Ronnie",
    "Louis",
    "Olivia",
    "Amelia",
    "Isla",
    "Ava",
    "Ivy",
    "Freya",
    "Lily",
    "Florence",
    "Mia",
    "Willow",
    "Rosie",
    "Sophia",
    "Isabella",
    "Grace",
    "Daisy",
    "Sienna",
    "Poppy",
    "Elsie",
    "Emily",
    "Ella",
    "Evelyn",
    "Phoebe",
    "Sofia",
    "Evie",
    "Charlotte",
    "Harper",
    "Millie",
    "Matilda",
    "Maya",
    "Sophie",
    "Alice",
    "Emilia",
    "Isabelle",
    "Ruby",
    "Luna",
    "Maisie",
    "Aria",
    "Penelope",
    "Mila",
    "Bonnie",
    "Eva",
    "Hallie",
    "Eliza",
    "Ada",
    "Violet",
    "Esme",
    "Arabella",
    "Imogen",
    "Jessica",
    "Delilah",
    "Thea",
    "Aisha",
    "Zara",
    "Priya",
    "Anaya",
    "Chloe",
    "Hope",
    "Summer",
    "Rose",
    "May",
]
SURNAMES = [
    "Smith",
    "Jones",
    "Williams",
    "Taylor",
    "Brown",
    "Davies",
    "Evans",
    "Wilson",
    "Thomas",
    "Johnson",
    "Roberts",
    "Robinson",
    "Thompson",
    "Wright",
    "Walker",
    "White",
    "Edwards",
    "Hughes",
    "Green",
    "Hall",
    "Lewis",
    "Harris",
    "Clarke",
    "Patel",
    "Jackson",
    "Wood",
    "Turner",
    "Martin",
    "Cooper",
    "Hill",
    "Ward",
    "Morris",
    "Moore",
    "Clark",
    "Lee",
    "King",
    "Baker",
    "Harrison",
    "Morgan",
    "Allen",
    "James",
    "Scott",
    "Phillips",
    "Watson",
    "Davis",
    "Parker",
    "Price",
    "Bennett",
    "Young",
    "Griffiths",
    "Mitchell",
    "Kelly",
    "Cook",
    "Carter",
    "Richardson",
    "Bailey",
    "Collins",
    "Bell",
    "Shaw",
    "Murphy",
    "Miller",
    "Cox",
    "Richards",
    "Khan",
    "Marshall",
    "Anderson",
    "Simpson",
    "Ellis",
    "Adams",
    "Singh",
    "Begum",
    "Wilkinson",
    "Foster",
    "Chapman",
    "Powell",
    "Webb",
    "Rogers",
    "Gray",
    "Mason",
    "Ali",
    "Hunt",
    "Hussain",
    "Campbell",
    "Matthews",
    "Owen",
    "Palmer",
    "Holmes",
    "Mills",
    "Barnes",
    "Knight",
    "Lloyd",
    "Butler",
    "Russell",
    "Barker",
    "Fisher",
    "Stevens",
    "Jenkins",
    "Murray",
    "Dixon",
    "Harvey",
    "Ahmed",
    "Kowalski",
    "O'Neill",
]

TEMPLATES = (
    "What a fantastic morning for Year {year}! The children explored the science of forces "
    "with balloons, ramps and toy cars, and everyone took part in the experiments.",
    "Well done to {name} for a brilliant performance in the maths challenge. We are very proud "
    "of all our pupils who took part.",
    "Reminder: the Christmas fair is on Friday from 3.30pm in the hall. Please call the office "
    "on {phone} if you can help on a stall.",
    "Our Year {year} class had a wonderful trip to the museum last week, learning about life in "
    "Roman Britain. Thank you to all the parents who volunteered.",
    "We're at {place} until 3pm today with Year {year} - come and say hello!",
    "Congratulations to the football team who won 3-2 on Saturday. A huge thank you to "
    "{staff} for coaching them this season.",
    "Some parents have asked about the new uniform. Details are on our website, and you can "
    "email {email} with any questions.",
    "Reading week starts on Monday! Children can come dressed as their favourite book "
    "character. #ReadingWeek #Year{year}",
)
PLACES = ("Cannon Hill Park", "the Botanical Gardens", "Dudley Zoo", "the leisure centre")


def registry(
    pupils: int = 2000, staff: int = 200, guardians: int = 3000, seed: int = 7
) -> Registry:
    rng = random.Random(seed)
    made_pupils = tuple(_pupil(rng, n) for n in range(pupils))
    return Registry(
        organisation=Organisation(
            name="Oakfield Primary School",
            aliases=("Oakfield",),
            phones=("0121 496 0000",),
            emails=("office@oakfield.sch.uk",),
            website="https://www.oakfield.sch.uk",
            address="12 Elm Road, Birmingham B15 2TT",
        ),
        pupils=made_pupils,
        staff=tuple(_staff(rng, n) for n in range(staff)),
        guardians=tuple(_guardian(rng, n, made_pupils) for n in range(guardians)),
        devices=(Device(make="Apple", model="iPad (9th generation)", serial="DMPXK1ABCD12"),),
    )


def _pupil(rng: random.Random, n: int) -> Pupil:
    return Pupil(
        id=f"P{n:05d}",
        first_name=rng.choice(FIRST_NAMES),
        last_name=rng.choice(SURNAMES),
        year=rng.randint(0, 6),
        consent=Consent(
            social_media=rng.random() < 0.9, website=rng.random() < 0.9, press=rng.random() < 0.6
        ),
        do_not_publish=rng.random() < 0.02,
    )


def _staff(rng: random.Random, n: int) -> StaffMember:
    return StaffMember(
        id=f"S{n:04d}",
        first_name=rng.choice(FIRST_NAMES),
        last_name=rng.choice(SURNAMES),
        title=rng.choice(("Mr", "Mrs", "Ms", "Miss")),
        personal_phones=(f"07700 9{n:05d}",),
    )


def _guardian(rng: random.Random, n: int, pupils: tuple[Pupil, ...]) -> Guardian:
    child = rng.choice(pupils) if pupils else None
    return Guardian(
        id=f"G{n:05d}",
        first_name=rng.choice(FIRST_NAMES),
        last_name=child.last_name if child else rng.choice(SURNAMES),
        pupils=(child.id,) if child else (),
    )


def posts(reg: Registry, count: int, seed: int = 11, max_chars: int = 1000) -> Iterator[str]:
    """Post texts of 100 to max_chars characters built from everyday school news."""
    rng = random.Random(seed)
    for _ in range(count):
        target = rng.randint(100, max_chars)
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < target:
            parts.append(_fill(rng, rng.choice(TEMPLATES), reg))
        yield " ".join(parts)[:target]


def _fill(rng: random.Random, template: str, reg: Registry) -> str:
    pupil = rng.choice(reg.pupils) if reg.pupils else None
    member = rng.choice(reg.staff) if reg.staff else None
    return template.format(
        year=rng.randint(1, 6),
        name=f"{pupil.first_name} {pupil.last_name}" if pupil else "the team",
        staff=f"{member.title} {member.last_name}" if member else "our coaches",
        phone=rng.choice(("0121 496 0000", "07700 900123")),
        email=rng.choice(("office@oakfield.sch.uk", "jo.bloggs@gmail.com")),
        place=rng.choice(PLACES),
    )
