// Check-in: scan the group's QR code with the device camera where the browser
// offers the BarcodeDetector API; otherwise a USB/Bluetooth scanner or typing
// the code into the field works the same way.
(function () {
  "use strict";
  if (!("BarcodeDetector" in window) || !navigator.mediaDevices) return;
  var button = document.getElementById("visits-scan");
  var video = document.getElementById("visits-scan-video");
  var field = document.getElementById("id_code");
  if (!button || !video || !field) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      video.play();
      var scan = function () {
        detector.detect(video).then(function (codes) {
          if (codes.length) {
            stream.getTracks().forEach(function (t) { t.stop(); });
            field.value = codes[0].rawValue;
            field.form.submit();
          } else {
            window.requestAnimationFrame(scan);
          }
        }).catch(function () { window.requestAnimationFrame(scan); });
      };
      scan();
    });
  });
})();
