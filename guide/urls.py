from django.urls import path

from guide import views

app_name = "guide"

urlpatterns = [
    path("steps/<slug:slug>/", views.step, name="step"),
    path("offences/<slug:slug>/", views.offence, name="offence"),
    path("abroad/<slug:slug>/", views.country, name="country"),
    path("guide/<slug:slug>/", views.article, name="article"),
    path("escalation/", views.ladder, name="ladder"),
    path("finder/", views.finder, name="finder"),
    path("quick-exit/", views.quick_exit_help, name="quick_exit"),
]
