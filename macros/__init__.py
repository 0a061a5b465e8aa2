"""Data loading, validation and rendering for the site; see README.md for the flow."""
