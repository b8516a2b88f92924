// Runs first on the H5P player's pages: the player's own page and the
// content's frame that H5P core writes inside it (h5p-frame.js lists it
// first among that frame's core scripts).
//
// The player is a third-party frame in the lesson page, and browsers that
// block third-party storage throw on any access to localStorage there; H5P
// core reads it while it builds an exercise, which then never starts. Where
// storage is refused, this gives the window a storage kept in memory (H5P
// uses it only for its clipboard and its retry queue, which the lesson page
// keeps instead).
(function () {
  "use strict";

  function memoryStorage() {
    const items = new Map();
    return {
      get length() {
        return items.size;
      },
      key: (index) => Array.from(items.keys())[index] ?? null,
      getItem: (key) => (items.has(String(key)) ? items.get(String(key)) : null),
      setItem: (key, value) => items.set(String(key), String(value)),
      removeItem: (key) => items.delete(String(key)),
      clear: () => items.clear(),
    };
  }

  for (const name of ["localStorage", "sessionStorage"]) {
    try {
      window[name].getItem("virage");
    } catch (error) {
      Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
    }
  }
})();
