"""The OpenAPI 3.1 document of /api/v1/, written by hand (served at /api/v1/openapi.json).

Schemas describe exactly what the views return (present.py, Decision.to_dict); the tests
check every route in urls.py is here and that real responses have the documented shape.
"""

from __future__ import annotations

from typing import Any

from socialguard.api.inputs import DEFAULT_LIMIT, MAX_LIMIT
from socialguard.posts.models import State
from socialguard.screening.base import Kind, Outcome
from socialguard.screening.decision import Verdict

Schema = dict[str, Any]


def _ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties: Schema, optional: tuple[str, ...] = (), **extra: Any) -> Schema:
    required = [name for name in properties if name not in optional]
    return {"type": "object", "required": required, "properties": properties, **extra}


def _nullable(type_: str, **extra: Any) -> Schema:
    return {"type": [type_, "null"], **extra}


_STRING: Schema = {"type": "string"}
_INTEGER: Schema = {"type": "integer"}
_TIME: Schema = {"type": "string", "format": "date-time"}
_STRINGS: Schema = {"type": "array", "items": _STRING}
_IDS: Schema = {"type": "array", "items": _INTEGER}

_FINDING = _object({
    "check": _STRING,
    "span": {"type": ["array", "null"], "items": _INTEGER, "minItems": 2, "maxItems": 2,
             "description": "Half-open character range into the item's text."},
    "media": _nullable("integer", description="Index of the media item concerned."),
    "text": {"type": "string", "description": "The words (or thing) that matched."},
    "explanation": {"type": "string", "description": "Why this matters, in plain words."},
    "score": {"type": "number", "minimum": 0, "maximum": 1},
    "data": {"type": "object", "description": "Structured detail (which pupil, which "
             "category)."},
}, description="What one check saw, and why it matters.")

_VIOLATION = _object({
    "rule": {"type": "string", "description": "Rule id, e.g. core-trust.pupil-names."},
    "title": _STRING,
    "outcome": {"type": "string", "enum": [o.value for o in Outcome]},
    "quote": {"type": "string", "description": "The policy's own words, verbatim."},
    "source": _STRING,
    "section": _STRING,
    "features": _STRINGS,
    "error": _nullable("string", description="Set when the check failed to run (HOLD)."),
    "findings": {"type": "array", "items": _ref("Finding")},
}, description="A rule the item breaks, with its citation.")

_REMEDY = _object({
    "kind": _STRING,
    "description": _STRING,
    "rules": _STRINGS,
}, description="A fix socialguard can make itself; may carry `spans` or `medias`.")

_DECISION = _object({
    "id": _nullable("string", description="The item's id, if it had one."),
    "policy": _nullable("string", description="The policy pack that decided."),
    "outcome": {"type": "string", "enum": [v.value for v in Verdict]},
    "violations": {"type": "array", "items": _ref("Violation")},
    "remedies": {"type": "array", "items": _ref("Remedy")},
}, description="The same JSON as `socialguard check --format json`.")

_ITEM = _object({
    "kind": {"type": "string", "enum": [k.value for k in Kind]},
    "text": {"type": "string", "maxLength": 100_000},
    "tagged": {"type": "array", "items": _STRING, "description": "Pupil ids tagged."},
    "author": {"type": ["string", "number", "null"]},
    "channel": {"type": ["string", "null"], "description": "website and press check consent "
                "for that use; anything else checks social media consent."},
    "id": {"type": ["string", "number", "null"]},
    "media": {"type": "array", "maxItems": 0, "description": "Not accepted yet."},
}, optional=("text", "tagged", "author", "channel", "id", "media"),
    additionalProperties=False)

_POST_PROPERTIES: Schema = {
    "id": _INTEGER,
    "school": _INTEGER,
    "author": _object({"id": _INTEGER, "username": _STRING, "name": _STRING}),
    "state": {"type": "string", "enum": list(State.values)},
    "text": _STRING,
    "channel": _STRING,
    "version": _INTEGER,
    "accounts": {**_IDS, "description": "Official account ids it will go out to."},
    "tagged": {**_IDS, "description": "Pupil ids tagged in it."},
    "scheduled_for": _nullable("string", format="date-time"),
    "created_at": _TIME,
    "updated_at": _TIME,
}

_SCREENING = _object({
    "version": _INTEGER,
    "outcome": {"type": "string", "enum": [v.value for v in Verdict]},
    "created_at": _TIME,
    "decision": _ref("Decision"),
})

SCHEMAS: dict[str, Schema] = {
    "Error": _object({"error": _STRING,
                      "fields": {"type": "object", "additionalProperties": _STRING,
                                 "description": "Input field -> what is wrong with it."}},
                     optional=("fields",)),
    "Health": _object({"status": {"type": "string", "enum": ["ok"]}, "version": _STRING}),
    "Item": _ITEM,
    "ScreenRequest": _object({"school": _INTEGER, "item": _ref("Item")},
                             additionalProperties=False),
    "Finding": _FINDING,
    "Violation": _VIOLATION,
    "Remedy": _REMEDY,
    "Decision": _DECISION,
    "Post": _object(_POST_PROPERTIES),
    "Screening": _SCREENING,
    "PostDetail": _object({**_POST_PROPERTIES,
                           "screening": {"oneOf": [_ref("Screening"), {"type": "null"}],
                                         "description": "The current version's screening."}}),
    "PostPage": _object({"count": _INTEGER, "limit": _INTEGER, "offset": _INTEGER,
                         "results": {"type": "array", "items": _ref("Post")}}),
}


def _error(description: str) -> Schema:
    return {"description": description,
            "content": {"application/json": {"schema": _ref("Error")}}}


def _ok(description: str, schema: str) -> Schema:
    return {"description": description,
            "content": {"application/json": {"schema": _ref(schema)}}}


_ERRORS = {
    "400": _error("Bad input; `fields` names each field at fault."),
    "401": _error("No valid token (missing, malformed, wrong, revoked). Sent with "
                  "`WWW-Authenticate: Bearer`."),
    "404": _error("No such object, or not yours: the two are not told apart."),
    "405": _error("Method not allowed; the `Allow` header lists the methods."),
    "409": _error("The action is not possible in this state; the message says why."),
    "413": _error("The request body is over 1 MB."),
}


def _errors(*codes: str) -> Schema:
    return {code: _ERRORS[code] for code in ("401", "405", *codes)}


def _param(name: str, where: str, schema: Schema, description: str,
           required: bool = False) -> Schema:
    return {"name": name, "in": where, "required": required or where == "path",
            "schema": schema, "description": description}


_POST_ID = _param("post_id", "path", _INTEGER, "The post's id.")

PATHS: dict[str, Schema] = {
    "/health": {"get": {
        "operationId": "health", "summary": "Is the service up?", "security": [],
        "responses": {"200": _ok("Up.", "Health"), "405": _ERRORS["405"]}}},
    "/openapi.json": {"get": {
        "operationId": "openapi", "summary": "This document.", "security": [],
        "responses": {"200": {"description": "The OpenAPI 3.1 document.",
                              "content": {"application/json": {"schema": {"type": "object"}}}},
                      "405": _ERRORS["405"]}}},
    "/screen": {"post": {
        "operationId": "screen",
        "summary": "Screen one item against a school's policy, as the CLI does.",
        "requestBody": {"required": True, "content": {
            "application/json": {"schema": _ref("ScreenRequest")}}},
        "responses": {"200": _ok("The decision.", "Decision"),
                      **_errors("400", "404", "409", "413")}}},
    "/posts": {"get": {
        "operationId": "listPosts", "summary": "Posts of a school you may see, newest first.",
        "parameters": [
            _param("school", "query", _INTEGER, "The school's id.", required=True),
            _param("state", "query", {"type": "array", "items": {
                "type": "string", "enum": list(State.values)}},
                "Only posts in these states (repeat to give several)."),
            _param("limit", "query", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT,
                                      "default": DEFAULT_LIMIT}, "Page size."),
            _param("offset", "query", {"type": "integer", "minimum": 0, "default": 0},
                   "Posts to skip."),
        ],
        "responses": {"200": _ok("A page of posts.", "PostPage"), **_errors("400", "404")}}},
    "/posts/{post_id}": {"get": {
        "operationId": "getPost", "summary": "One post, with its current screening.",
        "parameters": [_POST_ID],
        "responses": {"200": _ok("The post.", "PostDetail"), **_errors("404")}}},
    "/posts/{post_id}/submit": {"post": {
        "operationId": "submitPost",
        "summary": "Send your post to screening (then to the approver if it passes).",
        "parameters": [_POST_ID],
        "responses": {"202": _ok("Submitted; screening runs in the background.",
                                 "PostDetail"),
                      **_errors("404", "409")}}},
}


def document(version: str) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "socialguard API", "version": version,
                 "description": "Screening and posts of the schools you work in. "
                 "Errors are `{\"error\": …}` with `fields` for bad input. See docs/api.md."},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "paths": PATHS,
        "components": {
            "securitySchemes": {"bearer": {
                "type": "http", "scheme": "bearer", "bearerFormat": "sg_<prefix>_<secret>",
                "description": "Create one with "
                "`socialguard manage api_token create USERNAME NAME`."}},
            "schemas": SCHEMAS,
        },
    }
