// Placeholder: filled in by the web-API work of issue 3.
(function (ops, internal) {
  'use strict';
})
