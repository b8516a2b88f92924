from wagtail.models import Page

from courses.models import LearningPathPage, LessonPage


def site_search(*, query, locale):
    """Live learning paths and lessons matching ``query`` in one locale.

    Lessons are found by their body too, but results only ever show titles
    and summaries: bodies stay for signed-in learners.
    """
    searchable = [LearningPathPage, LessonPage]
    pages = Page.objects.live().filter(locale=locale).type(*searchable).specific()
    return pages.search(query)
