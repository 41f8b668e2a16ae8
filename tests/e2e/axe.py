"""axe-core (npm, node_modules/) injected into a Playwright page."""

from pathlib import Path

# Installed by `npm ci` (scripts/test-services.sh) from package-lock.json.
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page):
    """The serious and critical axe-core violations on the page now shown."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]][:3])
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
