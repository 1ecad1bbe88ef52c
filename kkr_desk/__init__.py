"""KKR Desk: the secretary's desk for a Danish KKR meeting, from roll call to referat."""

__version__ = "0.1.0"
