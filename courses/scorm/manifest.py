"""Read ``imsmanifest.xml``: the SCORM version, the default organization's
items and the resource each one launches."""

import math
import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext as _

from courses.scorm.errors import ScormPackageError
from courses.scorm.xml import XML_BASE, attribute, child, children, text_of

MANIFEST = "imsmanifest.xml"
SCORM_12 = "1.2"
SCORM_2004_2 = "2004-2"
SCORM_2004_3 = "2004-3"
SCORM_2004_4 = "2004-4"
VERSION_LABELS = {
    SCORM_12: "SCORM 1.2",
    SCORM_2004_2: "SCORM 2004 2e édition",
    SCORM_2004_3: "SCORM 2004 3e édition",
    SCORM_2004_4: "SCORM 2004 4e édition",
}
_CP_12 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
_ADLCP_12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
_ADLCP_2004 = "http://www.adlnet.org/xsd/adlcp_v1p3"
MAX_TITLE = 255


@dataclass(frozen=True)
class ScormItem:
    """One launchable item of the organization: a SCO (talks to the API) or
    an asset (a plain page, complete once opened)."""

    identifier: str
    title: str
    href: str
    is_sco: bool
    mastery_score: float | None
    launch_data: str
    depth: int


@dataclass(frozen=True)
class Manifest:
    identifier: str
    version: str
    title: str
    items: tuple[ScormItem, ...]


def detect_version(root) -> str:
    """From ``schemaversion`` first, then from the namespaces in use."""
    metadata = child(root, "metadata")
    declared = text_of(child(metadata, "schemaversion")) if metadata is not None else ""
    lowered = declared.lower()
    if lowered in ("1.2", "1.2.0"):
        return SCORM_12
    if "4th" in lowered:
        return SCORM_2004_4
    if "3rd" in lowered:
        return SCORM_2004_3
    if lowered in ("cam 1.3", "2004 2nd edition") or "2nd" in lowered:
        return SCORM_2004_2
    namespaces = {ns for element in root.iter() for ns in element.nsmap.values()}
    if _ADLCP_2004 in namespaces:
        return SCORM_2004_3
    if _ADLCP_12 in namespaces or _CP_12 in namespaces:
        return SCORM_12
    raise ScormPackageError(
        _(
            "Version SCORM non reconnue (schemaversion « %(version)s ») : seuls "
            "SCORM 1.2 et SCORM 2004 (2e, 3e et 4e éditions) sont acceptés."
        )
        % {"version": declared or "—"},
        path=MANIFEST,
        code="unknown-version",
    )


def read_manifest(root, files: dict[str, bytes]) -> Manifest:
    version = detect_version(root)
    organization = _default_organization(root)
    resources = _resources(root)
    items = tuple(_items(organization, resources, files, version))
    if not items:
        raise _refusal(
            _("L'organisation du manifeste ne contient aucun élément à lancer."),
            "no-item",
        )
    title = text_of(child(organization, "title")) or items[0].title
    return Manifest(
        identifier=attribute(root, "identifier"),
        version=version,
        title=title[:MAX_TITLE],
        items=items,
    )


def _default_organization(root):
    holder = child(root, "organizations")
    organizations = children(holder, "organization") if holder is not None else []
    if not organizations:
        raise _refusal(
            _("Le manifeste ne décrit aucune organisation."), "no-organization"
        )
    default = attribute(holder, "default")
    for organization in organizations:
        if attribute(organization, "identifier") == default:
            return organization
    return organizations[0]


def _resources(root) -> dict[str, object]:
    holder = child(root, "resources")
    if holder is None:
        return {}
    return {
        attribute(resource, "identifier"): (holder.get(XML_BASE, ""), resource)
        for resource in children(holder, "resource")
    }


def _items(parent, resources, files, version, depth=0):
    for item in children(parent, "item"):
        reference = attribute(item, "identifierref")
        if reference:
            yield _launchable(item, reference, resources, files, version, depth)
        yield from _items(item, resources, files, version, depth + 1)


def _launchable(item, reference, resources, files, version, depth) -> ScormItem:
    identifier = attribute(item, "identifier")
    if reference not in resources:
        raise _refusal(
            _(
                "L'élément « %(item)s » renvoie à une ressource absente du "
                "manifeste : « %(ref)s »."
            )
            % {"item": identifier, "ref": reference},
            "missing-resource",
        )
    base, resource = resources[reference]
    href = _launch_href(base, resource, attribute(item, "parameters"), files, reference)
    return ScormItem(
        identifier=identifier,
        title=(text_of(child(item, "title")) or identifier)[:MAX_TITLE],
        href=href,
        is_sco=attribute(resource, "scormtype").lower() == "sco",
        mastery_score=_mastery(item, version, identifier),
        launch_data=_launch_data(item),
        depth=depth,
    )


def _launch_data(item) -> str:
    """``adlcp:datafromlms`` (1.2) or ``adlcp:dataFromLMS`` (2004)."""
    for name in ("datafromlms", "dataFromLMS"):
        element = child(item, name)
        if element is not None:
            return text_of(element)
    return ""


def _launch_href(base, resource, parameters, files, reference) -> str:
    href = attribute(resource, "href")
    if not href:
        raise _refusal(
            _("La ressource « %(ref)s » n'indique aucun fichier à lancer.")
            % {"ref": reference},
            "missing-launch",
        )
    full = base + resource.get(XML_BASE, "") + href
    parts = urlsplit(full)
    if parts.scheme or parts.netloc:
        raise _refusal(
            _(
                "La ressource « %(ref)s » pointe vers une adresse extérieure "
                "(« %(href)s ») : seul le contenu du paquet est joué."
            )
            % {"ref": reference, "href": full},
            "external-launch",
        )
    path = posixpath.normpath(unquote(parts.path))
    if path not in files:
        raise _refusal(
            _(
                "Le fichier de lancement « %(href)s » de la ressource « %(ref)s » est "
                "absent du paquet."
            )
            % {"href": path, "ref": reference},
            "missing-launch",
        )
    return _with_parameters(path, parts.query, parts.fragment, parameters)


def _with_parameters(path, query, fragment, parameters) -> str:
    """IMS CP: item ``parameters`` join the resource's query string."""
    parameters = parameters.lstrip("?&")
    if parameters.startswith("#"):
        fragment = fragment or parameters[1:]
    elif parameters:
        query = f"{query}&{parameters}" if query else parameters
    return path + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")


def _mastery(item, version, identifier) -> float | None:
    """The score needed to pass, scaled 0–1: ``adlcp:masteryscore`` (0–100)
    in 1.2, the primary objective's ``imsss:minNormalizedMeasure`` (when it
    is satisfied by measure) in 2004."""
    if version == SCORM_12:
        text, scale, low = text_of(child(item, "masteryscore")), 100, 0
    else:
        text, scale, low = _min_normalized_measure(item), 1, -1
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and low <= value <= scale):
        raise _refusal(
            _(
                "Le score de maîtrise de l'élément « %(item)s » est invalide : "
                "« %(value)s »."
            )
            % {"item": identifier, "value": text},
            "bad-mastery",
        )
    return max(value, 0) / scale


def _min_normalized_measure(item) -> str:
    sequencing = child(item, "sequencing")
    objectives = child(sequencing, "objectives") if sequencing is not None else None
    primary = child(objectives, "primaryObjective") if objectives is not None else None
    if primary is None or attribute(primary, "satisfiedByMeasure") != "true":
        return ""
    return text_of(child(primary, "minNormalizedMeasure")) or "1.0"


def _refusal(message: str, code: str) -> ScormPackageError:
    return ScormPackageError(message, path=MANIFEST, code=code)
