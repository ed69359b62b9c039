"""sahel_analysis: Dutch government documents on the Sahel missions into tables with sources."""

from .tables import load

__version__ = "0.1.0"
PARSER_VERSION = "1"

__all__ = ["load", "__version__", "PARSER_VERSION"]
