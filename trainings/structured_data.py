"""An event as schema.org `Event` (JSON-LD): what search engines show as an event listing.

https://schema.org/Event; the attendance mode and status values are schema.org's
enumeration URLs. The location is a `Place` with a `PostalAddress`, a `VirtualLocation`,
or both for an event on site and online.
"""

from cms.site_address import page_full_url

from .choices import AttendanceMode, EventStatus

SCHEMA = "https://schema.org/"
ATTENDANCE_MODES = {
    AttendanceMode.IN_PERSON: SCHEMA + "OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: SCHEMA + "OnlineEventAttendanceMode",
    AttendanceMode.MIXED: SCHEMA + "MixedEventAttendanceMode",
}
STATUSES = {
    EventStatus.SCHEDULED: SCHEMA + "EventScheduled",
    EventStatus.POSTPONED: SCHEMA + "EventPostponed",
    EventStatus.CANCELLED: SCHEMA + "EventCancelled",
}
IMAGE_FILTER = "fill-1200x675"


def place(event):
    address = {"@type": "PostalAddress", "addressLocality": event.locality}
    if event.street_address:
        address["streetAddress"] = event.street_address
    if event.postal_code:
        address["postalCode"] = event.postal_code
    return {"@type": "Place", "name": event.venue or event.locality, "address": address}


def virtual_location(event, url):
    return {"@type": "VirtualLocation", "url": event.online_url or url}


def location(event, url):
    if event.attendance_mode == AttendanceMode.ONLINE:
        return virtual_location(event, url)
    if event.attendance_mode == AttendanceMode.MIXED:
        return [place(event), virtual_location(event, url)]
    return place(event)


def event_json_ld(event, request):
    url = page_full_url(event, request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": event.starts_at.isoformat(),
        "endDate": event.ends_at.isoformat(),
        "eventAttendanceMode": ATTENDANCE_MODES[event.attendance_mode],
        "eventStatus": STATUSES[event.status],
        "location": location(event, url),
        "organizer": {"@type": "Organization", "name": event.organiser},
        "inLanguage": event.content_language,
        "url": url,
    }
    if event.description:
        data["description"] = event.description
    if event.listing_image_id:
        rendition = event.listing_image.get_rendition(IMAGE_FILTER)
        data["image"] = request.build_absolute_uri(rendition.url)
    if event.registration_url:
        data["offers"] = {"@type": "Offer", "url": event.registration_url}
        if event.registration_closes_at:
            data["offers"]["validThrough"] = event.registration_closes_at.isoformat()
    return data
