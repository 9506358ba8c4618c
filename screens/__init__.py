"""The web face of Sil: a Bottle app factory, one module per screen."""
