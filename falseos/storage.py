from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files whose ES-module imports point at hashed names too.

    Without this, `import ... from "./quick-exit.js"` would load an unhashed URL the
    service worker never saved, and the app would break offline.
    """

    support_js_module_import_aggregation = True
    # Each pass rewrites one more level of imports to hashed names (Django's default stops at 5): the
    # case file's modules import one another several levels deep, and a new module must not break collectstatic.
    max_post_process_passes = 20
