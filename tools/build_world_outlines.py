"""Write the dashboard's country outlines (src/tacitus/api/static/world.json) from Natural Earth's 1:110m
countries (public domain), as shipped in the geopandas 0.14 wheel (geopandas/datasets/naturalearth_lowres).

    pip install pyshp            # this tool only; tacitus itself does not need it
    pip download geopandas==0.14.4 --no-deps -d /tmp/gpd && unzip -o /tmp/gpd/geopandas-0.14.4-*.whl \
        'geopandas/datasets/naturalearth_lowres/*' -d /tmp/ne
    python tools/build_world_outlines.py /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

Output: {"type": "FeatureCollection", "features": [{"properties": {"iso3", "name"}, "geometry": MultiPolygon}]}
with coordinates rounded to 0.1 degree (plenty for a world map, and small enough to ship).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "tacitus" / "api" / "static" / "world.json"
# Natural Earth writes -99 where a country has no ISO code of its own
ISO_FIXES = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}


def ring(points) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        p = [round(x, 1), round(y, 1)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def main(shp: str) -> None:
    import shapefile  # pyshp

    reader = shapefile.Reader(shp)
    names = [f[0] for f in reader.fields[1:]]
    features = []
    for rec, shape in zip(reader.records(), reader.shapes()):
        props = dict(zip(names, rec))
        iso3 = props["iso_a3"] if props["iso_a3"] != "-99" else ISO_FIXES.get(props["name"], "")
        parts = list(shape.parts) + [len(shape.points)]
        rings = [ring(shape.points[a:b]) for a, b in zip(parts, parts[1:])]
        polygons = [[r] for r in rings if len(r) >= 4]
        features.append({"type": "Feature", "properties": {"iso3": iso3, "name": props["name"]},
                         "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"type": "FeatureCollection", "source": "Natural Earth 1:110m countries (public "
                               "domain)", "features": features}, separators=(",", ":")), encoding="utf-8")
    print(f"{OUT}: {len(features)} countries, {OUT.stat().st_size // 1024} KB")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
