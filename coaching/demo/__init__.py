"""Demo data: an organization whose athletes each show one cause of leg weakness."""
