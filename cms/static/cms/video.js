// Embedded videos load nothing from their site until the learner presses
// "Lire la vidéo" (blocks/video.html): then the embed replaces the button,
// starts playing, and takes the focus. Loaded once per page, whatever the
// number of videos.
(function () {
  "use strict";
  if (window.virageVideoFacade) return;
  window.virageVideoFacade = true;

  function play(facade) {
    const template = facade.querySelector("template[data-video-embed]");
    if (!template) return;
    const embed = template.content.cloneNode(true);
    const frame = embed.querySelector("iframe");
    if (frame) {
      if (!frame.title) frame.title = facade.dataset.videoTitle || "";
      try {
        const url = new URL(frame.src, window.location.href);
        url.searchParams.set("autoplay", "1");
        frame.src = url.toString();
      } catch (e) {
        /* an address the browser cannot read: leave it as it is */
      }
      frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture");
    }
    facade.replaceWith(embed);
    if (frame) frame.focus();
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-video-play]");
    if (button) play(button.closest("[data-video-facade]"));
  });
})();
