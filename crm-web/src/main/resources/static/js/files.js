// Photos are shrunk in the browser before they are sent (issue 23: a 5 MB phone photo sends under
// 500 KB): drawn on a canvas at most 1600 px on the long side and saved as JPEG at 0.8, which also
// drops every piece of metadata (position, camera). Only the time the photo was taken is written
// back, as the one EXIF field, when the user keeps it ticked; the server re-encodes again anyway.
// Without this file (or a browser that cannot decode the photo) the form sends the original and the
// server does the same work.
(function () {
  'use strict';
  var inputs = document.querySelectorAll('input[type=file][data-files]');
  if (!inputs.length || !window.DataTransfer || !window.createImageBitmap) {
    return;
  }

  function busy(form, delta) {
    var count = (parseInt(form.dataset.filesBusy || '0', 10) || 0) + delta;
    form.dataset.filesBusy = String(count);
    form.querySelectorAll('button[type=submit]').forEach(function (button) {
      button.disabled = count > 0;
    });
  }

  // "2026:05:04 10:32:00" from the EXIF of a JPEG (DateTimeOriginal, else DateTime), or null
  function takenAt(buffer) {
    var view = new DataView(buffer);
    if (view.byteLength < 4 || view.getUint16(0) !== 0xFFD8) {
      return null;
    }
    var offset = 2;
    while (offset + 4 <= view.byteLength) {
      var marker = view.getUint16(offset);
      var length = view.getUint16(offset + 2);
      if (marker === 0xFFE1 && view.getUint32(offset + 4) === 0x45786966) {
        return exifTime(view, offset + 10);
      }
      if ((marker & 0xFF00) !== 0xFF00 || marker === 0xFFDA) {
        return null;
      }
      offset += 2 + length;
    }
    return null;
  }

  function exifTime(view, tiff) {
    try {
      var little = view.getUint16(tiff) === 0x4949;
      var u16 = function (at) { return view.getUint16(tiff + at, little); };
      var u32 = function (at) { return view.getUint32(tiff + at, little); };
      var find = function (ifd, tag) {
        var count = u16(ifd);
        for (var i = 0; i < count; i++) {
          var entry = ifd + 2 + i * 12;
          if (u16(entry) === tag) {
            return entry;
          }
        }
        return null;
      };
      var text = function (entry) {
        var chars = '';
        var at = u32(entry + 8);
        for (var i = 0; i < 19; i++) {
          chars += String.fromCharCode(view.getUint8(tiff + at + i));
        }
        return /^\d{4}:\d\d:\d\d \d\d:\d\d:\d\d$/.test(chars) ? chars : null;
      };
      var ifd0 = u32(4);
      var pointer = find(ifd0, 0x8769);
      var original = pointer ? find(u32(pointer + 8), 0x9003) : null;
      if (original) {
        return text(original);
      }
      var plain = find(ifd0, 0x0132);
      return plain ? text(plain) : null;
    } catch (e) {
      return null;
    }
  }

  // A minimal EXIF segment holding DateTimeOriginal only, put right after the JPEG's start marker
  function withTime(jpeg, time) {
    var tiff = new Uint8Array(64);
    var view = new DataView(tiff.buffer);
    view.setUint16(0, 0x4D4D); view.setUint16(2, 42); view.setUint32(4, 8);
    view.setUint16(8, 1);                                   // IFD0: one entry, the Exif IFD's place
    view.setUint16(10, 0x8769); view.setUint16(12, 4); view.setUint32(14, 1); view.setUint32(18, 26);
    view.setUint32(22, 0);
    view.setUint16(26, 1);                                  // Exif IFD: DateTimeOriginal
    view.setUint16(28, 0x9003); view.setUint16(30, 2); view.setUint32(32, 20); view.setUint32(36, 44);
    view.setUint32(40, 0);
    for (var i = 0; i < 19; i++) {
      tiff[44 + i] = time.charCodeAt(i);
    }
    var segment = new Uint8Array(4 + 6 + tiff.length);
    var head = new DataView(segment.buffer);
    head.setUint16(0, 0xFFE1); head.setUint16(2, 2 + 6 + tiff.length);
    segment.set([0x45, 0x78, 0x69, 0x66, 0, 0], 4);
    segment.set(tiff, 10);
    var out = new Uint8Array(jpeg.length + segment.length);
    out.set(jpeg.subarray(0, 2), 0);
    out.set(segment, 2);
    out.set(jpeg.subarray(2), 2 + segment.length);
    return out;
  }

  function shrink(file, edge, quality) {
    return file.arrayBuffer().then(function (buffer) {
      var time = takenAt(buffer);
      // the browser stands the photo upright from its EXIF orientation while decoding
      return createImageBitmap(new Blob([buffer], { type: file.type }), { imageOrientation: 'from-image' })
        .then(function (bitmap) {
          var scale = Math.min(1, edge / Math.max(bitmap.width, bitmap.height));
          var canvas = document.createElement('canvas');
          canvas.width = Math.max(1, Math.round(bitmap.width * scale));
          canvas.height = Math.max(1, Math.round(bitmap.height * scale));
          var context = canvas.getContext('2d');
          context.fillStyle = '#fff';
          context.fillRect(0, 0, canvas.width, canvas.height);
          context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
          if (bitmap.close) {
            bitmap.close();
          }
          return new Promise(function (resolve) {
            canvas.toBlob(resolve, 'image/jpeg', quality);
          });
        })
        .then(function (blob) {
          return blob.arrayBuffer().then(function (jpeg) {
            var bytes = time ? withTime(new Uint8Array(jpeg), time) : new Uint8Array(jpeg);
            var name = file.name.replace(/\.[^.\/\\]{1,5}$/, '') + '.jpg';
            return new File([bytes], name, { type: 'image/jpeg', lastModified: file.lastModified });
          });
        });
    });
  }

  function readable(bytes) {
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
  }

  inputs.forEach(function (input) {
    var form = input.form;
    var field = input.closest('[data-files-field]');
    var status = field && field.querySelector('.files-status');
    var error = field && field.querySelector('.files-client-error');
    var edge = parseInt(field.getAttribute('data-edge'), 10) || 1600;
    var maxFile = parseInt(field.getAttribute('data-max-file'), 10) || 0;
    var maxFiles = parseInt(field.getAttribute('data-max-files'), 10) || 0;
    input.addEventListener('change', function () {
      var chosen = Array.prototype.slice.call(input.files);
      if (!chosen.length) {
        return;
      }
      input.dataset.ready = 'false';
      busy(form, 1);
      if (status) {
        status.textContent = field.getAttribute('data-working');
      }
      Promise.all(chosen.map(function (file) {
        if (!/^image\/(jpeg|png|webp|heic|heif|bmp|gif)$/.test(file.type) || file.type === 'image/gif') {
          return Promise.resolve(file);
        }
        return shrink(file, edge, 0.8).catch(function () {
          return file; // a photo the browser cannot decode goes as it is; the server decides
        });
      })).then(function (files) {
        var transfer = new DataTransfer();
        files.forEach(function (f) { transfer.items.add(f); });
        input.files = transfer.files;
        var total = files.reduce(function (sum, f) { return sum + f.size; }, 0);
        var tooLarge = files.filter(function (f) { return maxFile && f.size > maxFile; });
        var count = form.querySelectorAll('input[type=file][data-files]');
        var all = Array.prototype.reduce.call(count, function (sum, i) { return sum + i.files.length; }, 0);
        if (error) {
          error.textContent = tooLarge.length ? field.getAttribute('data-too-large').replace('{0}', tooLarge[0].name)
            : maxFiles && all > maxFiles ? field.getAttribute('data-too-many') : '';
          error.hidden = !error.textContent;
        }
        if (status) {
          status.textContent = field.getAttribute('data-ready').replace('{0}', files.length).replace('{1}', readable(total));
        }
        input.dataset.ready = 'true';
        busy(form, -1);
      });
    });
  });
})();
