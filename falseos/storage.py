from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files whose ES-module imports point at hashed names too.

    Without this, `import ... from "./quick-exit.js"` would load an unhashed URL the
    service worker never saved, and the app would break offline.
    """

    support_js_module_import_aggregation = True
