"""System checks of the deployment (`manage.py check --deploy`)."""

from django.core import checks


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Production needs a cache all workers share; see `cms.page_cache`."""
    from . import page_cache

    if page_cache.cache_is_shared():
        return []
    return [
        checks.Error(
            "The cache is local memory, private to each worker process: a page made private or "
            "unpublished in one worker would stay in the others' caches, and rate limits would "
            "count per worker. The page cache is off until REDIS_URL is set.",
            hint="Set REDIS_URL (e.g. redis://127.0.0.1:6379/1) so that every worker shares one cache.",
            id="cms.E001",
        )
    ]
