// The citation's copy button: the only script, and the page works without it (the
// citation is in a text box to select by hand).
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("copy-citation");
  if (!button) return;
  button.addEventListener("click", function () {
    var box = document.getElementById(button.dataset.target);
    var status = document.getElementById("copied");
    box.select();
    var done = function () { status.textContent = "Copied."; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(box.value).then(done, function () {
        document.execCommand("copy"); done();
      });
    } else {
      document.execCommand("copy"); done();
    }
  });
});
