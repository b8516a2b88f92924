"""Receivers that keep ``courses.cache`` true to the page tree."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from courses.cache import structure_invalidate


def _page_changed(sender, instance=None, **kwargs):
    from courses.models import H5PContent, H5PLibrary

    # An H5P content's or library's title is shown with the lesson's blocks.
    if isinstance(
        instance, Page | Site | PageViewRestriction | H5PContent | H5PLibrary
    ):
        structure_invalidate()


def connect() -> None:
    page_published.connect(structure_invalidate, dispatch_uid="courses-published")
    page_unpublished.connect(structure_invalidate, dispatch_uid="courses-unpublished")
    post_page_move.connect(structure_invalidate, dispatch_uid="courses-moved")
    # A title, a slug or the live flag written outside publishing (a script,
    # a copy, a deletion), a site's hostname, or a page's view restriction
    # changes what is cached too.
    post_save.connect(_page_changed, dispatch_uid="courses-page-saved")
    post_delete.connect(_page_changed, dispatch_uid="courses-page-deleted")
