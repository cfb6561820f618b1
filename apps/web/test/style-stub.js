// Stylesheets imported by components are nothing to jsdom.
module.exports = {};
