"""/api/v2/: the open data endpoints, their index and the OpenAPI document."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter

from .endpoints import EventsEndpoint, MaterialsEndpoint, PilotsEndpoint, PracticesEndpoint
from .openapi import api_index, openapi_document

ENDPOINTS = [PracticesEndpoint, MaterialsEndpoint, PilotsEndpoint, EventsEndpoint]

router = WagtailAPIRouter("opendata")
for endpoint in ENDPOINTS:
    router.register_endpoint(endpoint.endpoint_name, endpoint)

urlpatterns = [
    path("", api_index, {"endpoints": ENDPOINTS}, name="opendata_index"),
    path("openapi.json", openapi_document, {"endpoints": ENDPOINTS}, name="opendata_openapi"),
    path("", router.urls),
]
