#!/usr/bin/env node
console.log("karvon-gateway: arrives with issue 4");
