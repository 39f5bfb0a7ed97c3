import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPublicAddress } from './guard-address.js';

test('allows globally routable addresses', () => {
  for (const address of ['93.184.215.14', '8.8.4.4', '2606:4700:4700::1111']) assert.equal(isPublicAddress(address), true, address);
});

test('refuses loopback, private, link-local and other special addresses', () => {
  const refused = [
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    'not-an-address',
  ];
  for (const address of refused) assert.equal(isPublicAddress(address), false, address);
});
