from django.urls import path

from . import adoption_views

urlpatterns = [
    path("adoption/<int:practice_id>/", adoption_views.report_adoption, name="practices_adoption_report"),
    path("adoption/<int:practice_id>/thanks/", adoption_views.thanks, name="practices_adoption_thanks"),
]
