from learners.models.accounts import (
    POPULATION_CLASS_BOUNDS,
    LearnerManager,
    Mrc,
    Municipality,
    PopulationClass,
    Region,
    User,
    population_class_of,
)
from learners.models.h5p import H5PAttempt, H5PUserState, XapiStatement

__all__ = [
    "POPULATION_CLASS_BOUNDS",
    "H5PAttempt",
    "H5PUserState",
    "LearnerManager",
    "Mrc",
    "Municipality",
    "PopulationClass",
    "Region",
    "User",
    "XapiStatement",
    "population_class_of",
]
