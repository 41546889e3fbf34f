from django.urls import path

from . import feeds, views

urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/sent/", views.sent, name="subscription_sent"),
    path("subscribe/confirm/<str:token>/", views.confirm, name="subscription_confirm"),
    path("subscribe/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("feeds/<slug:kind>.atom", feeds.atom_feed, name="subscription_feed"),
]
