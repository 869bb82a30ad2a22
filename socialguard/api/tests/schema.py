"""A small structural check of JSON against the OpenAPI schemas (jsonschema is not
installed): $ref, type (or a list of types), enum, required, properties, items, oneOf,
additionalProperties. Returns the problems found, with their JSON paths."""

from __future__ import annotations

from typing import Any

_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def problems(value: Any, schema: dict, document: dict, path: str = "$") -> list[str]:
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        return problems(value, document["components"]["schemas"][name], document, path)
    if "oneOf" in schema:
        matching = [s for s in schema["oneOf"] if not problems(value, s, document, path)]
        return [] if len(matching) == 1 else [f"{path}: matches {len(matching)} of oneOf"]
    types = schema.get("type")
    if types is not None:
        types = [types] if isinstance(types, str) else types
        if not any(_TYPES[t](value) for t in types):
            return [f"{path}: {value!r:.60} is not {' or '.join(types)}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{path}: {value!r} not in {schema['enum']}"]
    if isinstance(value, dict):
        return _object(value, schema, document, path)
    if isinstance(value, list) and "items" in schema:
        return [p for i, v in enumerate(value)
                for p in problems(v, schema["items"], document, f"{path}[{i}]")]
    return []


def _object(value: dict, schema: dict, document: dict, path: str) -> list[str]:
    found = [f"{path}: missing {key!r}" for key in schema.get("required", ())
             if key not in value]
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        if key in properties:
            found += problems(item, properties[key], document, f"{path}.{key}")
        elif extra is False:
            found.append(f"{path}: unexpected {key!r}")
        elif isinstance(extra, dict):
            found += problems(item, extra, document, f"{path}.{key}")
    return found
