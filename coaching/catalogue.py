"""The shared exercise catalogue: every lift the source names, plus common variants.

Seeded by a data migration; organizations add their own through the API or the admin.
Fields: slug, name, pattern, kind, muscles, unilateral.
"""

Q, H, G, C, A, CORE = "quadriceps", "hamstrings", "glutes", "calves", "adductors", "core"

EXERCISES: tuple[tuple[str, str, str, str, tuple[str, ...], bool], ...] = (
    # Squat pattern
    ("back-squat", "Back squat", "squat", "compound", (Q, G, A, CORE), False),
    ("front-squat", "Front squat", "squat", "compound", (Q, G, CORE), False),
    ("high-bar-squat", "High-bar squat", "squat", "compound", (Q, G, A), False),
    ("box-squat", "Box squat", "squat", "compound", (Q, G, H), False),
    ("pause-squat", "Pause squat", "squat", "compound", (Q, G, A), False),
    ("goblet-squat", "Goblet squat", "squat", "compound", (Q, G), False),
    ("hack-squat", "Hack squat", "squat", "compound", (Q, G), False),
    ("safety-bar-squat", "Safety-bar squat", "squat", "compound", (Q, G, CORE), False),
    # Hinge pattern
    ("deadlift", "Deadlift", "hinge", "compound", (H, G, Q, CORE), False),
    ("sumo-deadlift", "Sumo deadlift", "hinge", "compound", (G, Q, A, H), False),
    ("romanian-deadlift", "Romanian deadlift", "hinge", "compound", (H, G), False),
    ("trap-bar-deadlift", "Trap-bar deadlift", "hinge", "compound", (Q, G, H), False),
    ("good-morning", "Good morning", "hinge", "compound", (H, G, CORE), False),
    (
        "single-leg-romanian-deadlift",
        "Single-leg Romanian deadlift",
        "hinge",
        "compound",
        (H, G, CORE),
        True,
    ),
    # Lunge and single-leg pattern
    ("lunge", "Lunge", "lunge", "compound", (Q, G, A), True),
    ("walking-lunge", "Walking lunge", "lunge", "compound", (Q, G, A), True),
    ("reverse-lunge", "Reverse lunge", "lunge", "compound", (Q, G), True),
    ("bulgarian-split-squat", "Bulgarian split squat", "lunge", "compound", (Q, G, A), True),
    ("step-up", "Step-up", "lunge", "compound", (Q, G), True),
    ("pistol-squat", "Pistol squat", "lunge", "compound", (Q, G, CORE), True),
    # Leg press
    ("leg-press", "Leg press", "leg_press", "compound", (Q, G), False),
    ("single-leg-press", "Single-leg press", "leg_press", "compound", (Q, G), True),
    # Isolation
    ("leg-extension", "Leg extension", "knee_extension", "isolation", (Q,), False),
    ("single-leg-extension", "Single-leg extension", "knee_extension", "isolation", (Q,), True),
    ("hamstring-curl", "Hamstring curl", "knee_flexion", "isolation", (H,), False),
    ("seated-leg-curl", "Seated leg curl", "knee_flexion", "isolation", (H,), False),
    ("single-leg-curl", "Single-leg curl", "knee_flexion", "isolation", (H,), True),
    ("nordic-curl", "Nordic curl", "knee_flexion", "isolation", (H,), False),
    ("glute-ham-raise", "Glute-ham raise", "knee_flexion", "compound", (H, G), False),
    ("glute-bridge", "Glute bridge", "hip_extension", "isolation", (G, H), False),
    ("hip-thrust", "Hip thrust", "hip_extension", "compound", (G, H), False),
    ("single-leg-hip-thrust", "Single-leg hip thrust", "hip_extension", "compound", (G, H), True),
    ("back-extension", "Back extension", "hip_extension", "isolation", (G, H, CORE), False),
    ("calf-raise", "Calf raise", "calf_raise", "isolation", (C,), False),
    ("seated-calf-raise", "Seated calf raise", "calf_raise", "isolation", (C,), False),
    ("copenhagen-plank", "Copenhagen plank", "other", "isolation", (A, CORE), True),
    ("hip-adduction", "Hip adduction", "other", "isolation", (A,), False),
    # Plyometrics
    ("box-jump", "Box jump", "jump", "plyometric", (Q, G, C), False),
    ("broad-jump", "Broad jump", "jump", "plyometric", (Q, G, H, C), False),
    ("countermovement-jump", "Countermovement jump", "jump", "plyometric", (Q, G, C), False),
    ("depth-jump", "Depth jump", "jump", "plyometric", (Q, G, C), False),
    ("jump-squat", "Jump squat", "jump", "plyometric", (Q, G, C), False),
    ("single-leg-hop", "Single-leg hop", "jump", "plyometric", (Q, G, C), True),
)
