// Sizes Payung embeds to their content, for pages with a strict Content-Security-Policy
// (no inline scripts). Load it once, before the iframes:
//
//     <script src="embed-resize.js"></script>
//     <iframe src="https://…/?embed=1&amp;…" data-payung-embed title="…"></iframe>
//
// A Payung embed posts exactly one kind of message to its parent, whenever its height
// changes:  { type: "payung:height", height: <CSS pixels> }.
// This script accepts a message only when it comes from the window of an iframe marked
// `data-payung-embed`, from that iframe's origin, and has exactly that shape; it then
// sets that iframe's height. It sends nothing and reads nothing else.
(function () {
  'use strict';
  var TYPE = 'payung:height';
  var MAX_HEIGHT = 10000;

  function originOf(frame) {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch (e) {
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== TYPE) return;
    var height = data.height;
    if (typeof height !== 'number' || !(height > 0 && height <= MAX_HEIGHT)) return;
    var frames = document.querySelectorAll('iframe[data-payung-embed]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (event.source === frame.contentWindow && event.origin === originOf(frame)) {
        frame.style.height = Math.ceil(height) + 'px';
        return;
      }
    }
  });
})();
