"""The OpenAPI 3 description of the visits API, kept by hand next to api.py."""

from django.http import JsonResponse

from college.core.jsonapi import json_api

_SLOT = {
    "type": "object",
    "required": ["id", "start", "end", "hall", "capacity", "places_left"],
    "properties": {
        "id": {"type": "integer"},
        "start": {"type": "string", "format": "date-time", "description": "ISO 8601, Asia/Shanghai (+08:00)"},
        "end": {"type": "string", "format": "date-time"},
        "hall": {"type": "string"},
        "capacity": {"type": "integer", "description": "People the slot holds"},
        "places_left": {"type": "integer", "description": "People who can still book"},
    },
}

# The one error body of every API of the site (docs/api.md).
_ERROR = {
    "type": "object",
    "required": ["code", "errors"],
    "properties": {
        "code": {
            "type": "string",
            "description": (
                "A stable word for programs: invalid, not_found, method, too_large, not_enough_places, "
                "slot_not_bookable, idempotency_conflict, server_error"
            ),
        },
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "description": (
                "Messages per field (__all__ for the request as a whole), in the request's language: "
                "X-Language header, lang query parameter, language cookie or Accept-Language"
            ),
        },
    },
    "additionalProperties": True,
}

_NOT_ENOUGH_PLACES = {
    "allOf": [
        {"$ref": "#/components/schemas/Error"},
        {
            "type": "object",
            "required": ["places_left"],
            "properties": {
                "code": {"type": "string", "enum": ["not_enough_places"]},
                "places_left": {"type": "integer", "description": "People who can still book on the slot"},
            },
        },
    ]
}

_STATUS = {"type": "string", "enum": ["pending", "approved", "declined", "cancelled", "checked_in", "no_show"]}

_VISIT = {
    "type": "object",
    "required": ["code", "status", "slot", "group_size"],
    "properties": {
        "code": {"type": "string", "description": "Random booking code"},
        "status": _STATUS,
        "status_display": {"type": "string"},
        "slot": {"$ref": "#/components/schemas/Slot"},
        "organisation": {"type": "string"},
        "group_type": {"type": "string"},
        "group_size": {"type": "integer"},
        "decline_reason": {"type": "string"},
        "guide": {"type": "string", "nullable": True},
        "status_url": {"type": "string", "format": "uri"},
        "created_at": {"type": "string", "format": "date-time"},
    },
}

_NEW_VISIT = {
    "type": "object",
    "required": ["slot", "organisation", "group_type", "leader_name", "phone", "email", "group_size", "roster"],
    "properties": {
        "slot": {"type": "integer", "description": "id from GET /slots/"},
        "organisation": {"type": "string", "maxLength": 120, "description": "Work unit"},
        "group_type": {"type": "string", "enum": ["inspection", "study", "training", "other"]},
        "leader_name": {"type": "string", "maxLength": 50},
        "phone": {"type": "string", "description": "Mainland China mobile number, e.g. 13800138000"},
        "email": {"type": "string", "format": "email"},
        "group_size": {"type": "integer", "minimum": 1},
        "purpose": {"type": "string", "maxLength": 1000},
        "roster": {
            "type": "array",
            "items": {"type": "string", "maxLength": 50},
            "description": "Visitors' names; exactly group_size of them",
        },
        "unit_type": {
            "type": "string",
            "enum": ["party_government", "political_legal", "institution", "enterprise", "community", "other"],
        },
        "province": {"type": "string", "description": "Province in Chinese, e.g. 浙江"},
        "needs_guided_tour": {"type": "boolean", "default": True},
        "needs_briefing": {"type": "boolean", "default": False},
        "needs_meeting_room": {"type": "boolean", "default": False},
        "vehicles": {"type": "integer", "minimum": 0, "maximum": 50},
        "language": {"type": "string", "enum": ["zh-hans", "en"], "description": "Language of the emails"},
    },
}


def _json(schema_ref):
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_ref}"}}}


def _error(description, schema_ref="Error"):
    return {"description": description, "content": _json(schema_ref)}


_METHOD = _error("Method not allowed (the Allow header lists the allowed ones)")


SCHEMA = {
    "openapi": "3.0.3",
    "info": {
        "title": "Fengqiao College visit booking API",
        "version": "1.0.0",
        "description": "Ask for a group visit to Fengqiao College and follow its status.",
    },
    "servers": [{"url": "/api/visits"}],
    "paths": {
        "/slots/": {
            "get": {
                "operationId": "listSlots",
                "summary": "Bookable slots with the places left",
                "parameters": [
                    {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
                    {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
                ],
                "responses": {
                    "200": {
                        "description": "Bookable slots (open, inside the booking window, not full)",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "results": {"type": "array", "items": {"$ref": "#/components/schemas/Slot"}}
                                    },
                                }
                            }
                        },
                    },
                    "400": _error("Bad dates"),
                    "405": _METHOD,
                },
            }
        },
        "/requests/": {
            "post": {
                "operationId": "createRequest",
                "summary": "Ask for a visit; the places are held while it is pending",
                "parameters": [
                    {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "required": False,
                        "schema": {"type": "string", "maxLength": 100},
                        "description": "A retry with the same key returns the first request (200) instead of booking again",
                    }
                ],
                "requestBody": {"required": True, "content": _json("NewVisitRequest")},
                "responses": {
                    "201": {"description": "Request made (status pending)", "content": _json("VisitRequest")},
                    "200": {
                        "description": "Replay of an earlier request with this Idempotency-Key",
                        "content": _json("VisitRequest"),
                    },
                    "400": _error("Bad input: wrong types, malformed JSON, a closed day, a slot outside the window…"),
                    "405": _METHOD,
                    "409": _error("Too few places left (the message is under errors.slot)", "NotEnoughPlaces"),
                    "413": _error("The body is larger than 64 KB"),
                    "422": _error("Idempotency-Key reused for a different request (code idempotency_conflict)"),
                },
            }
        },
        "/requests/{code}/": {
            "get": {
                "operationId": "getRequest",
                "summary": "The status of a request",
                "parameters": [{"name": "code", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": {"description": "The request", "content": _json("VisitRequest")},
                    "404": _error("No request has this code"),
                    "405": _METHOD,
                },
            }
        },
        "/feed/{token}.ics": {
            "get": {
                "operationId": "staffCalendarFeed",
                "summary": "A staff member's secret iCalendar feed of approved visits",
                "parameters": [{"name": "token", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": {"description": "iCalendar", "content": {"text/calendar": {"schema": {"type": "string"}}}},
                    "404": _error("Unknown token"),
                },
            }
        },
        "/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "This description",
                "responses": {"200": {"description": "OpenAPI 3 document"}},
            }
        },
    },
    "components": {
        "schemas": {
            "Slot": _SLOT,
            "VisitRequest": _VISIT,
            "NewVisitRequest": _NEW_VISIT,
            "Error": _ERROR,
            "NotEnoughPlaces": _NOT_ENOUGH_PLACES,
        }
    },
}


@json_api(methods=["GET"])
def openapi_json(request):
    """This description as JSON."""
    return JsonResponse(SCHEMA, json_dumps_params={"ensure_ascii": False})
