___TERMS_OF_SERVICE___

By creating or modifying this file you agree to Google Tag Manager's Community
Template Gallery Developer Terms of Service available at
https://developers.google.com/tag-manager/gallery-tos (or such other URL as
Google may provide), as modified from time to time.


___INFO___

{
  "type": "TAG",
  "id": "cvt_temp_public_id",
  "version": 1,
  "securityGroups": [],
  "displayName": "Vitrine",
  "categories": ["ANALYTICS", "MARKETING"],
  "brand": {
    "id": "brand_dummy",
    "displayName": "Vitrine"
  },
  "description": "Loads Vitrine's social-commerce widgets (share buttons, shoppable Instagram feed, wishlist, social login) with their settings and Google Consent Mode, and turns Vitrine's data layer events into GA4 recommended events.",
  "containerContexts": [
    "WEB"
  ]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "RADIO",
    "name": "action",
    "displayName": "This tag",
    "radioItems": [
      {
        "value": "load",
        "displayName": "Loads Vitrine on the page (fire on Initialization - All Pages)"
      },
      {
        "value": "ga4",
        "displayName": "Turns a Vitrine event into a GA4 recommended event (fire on the custom events vitrine.*)"
      }
    ],
    "simpleValueType": true,
    "defaultValue": "load"
  },
  {
    "type": "GROUP",
    "name": "loaderSettings",
    "displayName": "Loader",
    "groupStyle": "NO_ZIPPY",
    "enablingConditions": [
      {
        "paramName": "action",
        "paramValue": "load",
        "type": "EQUALS"
      }
    ],
    "subParams": [
      {
        "type": "TEXT",
        "name": "scriptUrl",
        "displayName": "Address of vitrine.js",
        "simpleValueType": true,
        "help": "Where you serve the built SDK: vitrine.js with its cdn/ folder beside it, such as https://cdn.your-shop.example/vitrine/vitrine.js. Also allow this host in the template's Permissions (Injects scripts).",
        "valueValidators": [
          {
            "type": "NON_EMPTY"
          },
          {
            "type": "REGEX",
            "args": [
              "^https://[^\\s?#]+/vitrine\\.js$"
            ],
            "errorMessage": "Expected an https:// address ending in /vitrine.js"
          }
        ]
      },
      {
        "type": "TEXT",
        "name": "api",
        "displayName": "Vitrine API address",
        "simpleValueType": true,
        "help": "Base address of your Vitrine server (feeds, wishlists, sign-in), such as https://api.your-shop.example/. Empty: the page's own origin.",
        "valueValidators": [
          {
            "type": "REGEX",
            "args": [
              "^(https?://[^\\s]+)?$"
            ],
            "errorMessage": "Expected an http(s):// address, or nothing"
          }
        ]
      },
      {
        "type": "TEXT",
        "name": "endpoint",
        "displayName": "Analytics endpoint",
        "simpleValueType": true,
        "help": "Where Vitrine POSTs its event batches, such as https://api.your-shop.example/v1/events. Empty: the events stay on the page (and in the data layer).",
        "valueValidators": [
          {
            "type": "REGEX",
            "args": [
              "^(https?://[^\\s]+|/[^\\s]*)?$"
            ],
            "errorMessage": "Expected an http(s):// address or a path such as /v1/events, or nothing"
          }
        ]
      },
      {
        "type": "SELECT",
        "name": "locale",
        "displayName": "Language when the page's is neither French nor English",
        "selectItems": [
          {
            "value": "fr",
            "displayValue": "French"
          },
          {
            "value": "en",
            "displayValue": "English"
          }
        ],
        "simpleValueType": true,
        "defaultValue": "fr"
      },
      {
        "type": "SELECT",
        "name": "consentSource",
        "displayName": "Analytics consent",
        "selectItems": [
          {
            "value": "consent_mode",
            "displayValue": "Google Consent Mode: analytics_storage"
          },
          {
            "value": "required",
            "displayValue": "My consent banner calls Vitrine.setConsent()"
          },
          {
            "value": "granted",
            "displayValue": "Granted: I have another legal basis"
          }
        ],
        "simpleValueType": true,
        "defaultValue": "consent_mode",
        "help": "Until the answer, Vitrine sends and stores nothing for analytics; its widgets work all the same."
      },
      {
        "type": "CHECKBOX",
        "name": "pushToDataLayer",
        "checkboxText": "Push Vitrine events to the data layer, as vitrine.<name> (needed for GA4)",
        "simpleValueType": true,
        "defaultValue": true
      },
      {
        "type": "CHECKBOX",
        "name": "utm",
        "checkboxText": "Add UTM parameters to shared links",
        "simpleValueType": true,
        "defaultValue": true
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "ga4Settings",
    "displayName": "GA4",
    "groupStyle": "NO_ZIPPY",
    "enablingConditions": [
      {
        "paramName": "action",
        "paramValue": "ga4",
        "type": "EQUALS"
      }
    ],
    "subParams": [
      {
        "type": "CHECKBOX",
        "name": "customEvents",
        "checkboxText": "Also push the Vitrine events GA4 has no recommended event for, as vitrine_<name>",
        "simpleValueType": true,
        "defaultValue": false
      }
    ]
  }
]


___SANDBOXED_JS_FOR_WEB_TEMPLATE___

const addConsentListener = require('addConsentListener');
const callInWindow = require('callInWindow');
const copyFromDataLayer = require('copyFromDataLayer');
const createQueue = require('createQueue');
const getType = require('getType');
const injectScript = require('injectScript');
const isConsentGranted = require('isConsentGranted');
const logToConsole = require('logToConsole');

const ANALYTICS_STORAGE = 'analytics_storage';

const text = function (value) {
  return getType(value) === 'string' && value.length > 0 ? value : undefined;
};

// Copies the keys whose value is defined: GA4 should not receive empty parameters.
const defined = function (object) {
  const result = {};
  for (const key in object) {
    if (object[key] !== undefined) result[key] = object[key];
  }
  return result;
};

const feedList = function (feedId) {
  return feedId ? { id: 'vitrine_feed_' + feedId, name: 'Instagram feed ' + feedId } : undefined;
};

// Vitrine's taxonomy (schemas/events.schema.json) to GA4 recommended events. Returns undefined for the
// Vitrine events GA4 has no recommended event for.
const toGa4 = function (name, properties) {
  const p = properties || {};
  if (name === 'share' || name === 'share_copy_link') {
    return {
      event: 'share',
      params: defined({
        method: name === 'share' ? text(p.network) : 'copy_link',
        content_type: text(p.productId) ? 'product' : 'page',
        item_id: text(p.productId) || text(p.url)
      })
    };
  }
  if (name === 'wishlist_add') {
    if (!text(p.productId)) return undefined;
    // GA4 counts value only with its currency; the taxonomy sends both or neither.
    const priced = getType(p.price) === 'number' && text(p.currency);
    const item = defined({ item_id: p.productId, item_variant: text(p.variant), item_list_name: text(p.placement), price: priced ? p.price : undefined });
    return {
      event: 'add_to_wishlist',
      ecommerce: priced ? { currency: p.currency, value: p.price, items: [item] } : { items: [item] }
    };
  }
  if (name === 'login_success') {
    return { event: 'login', params: defined({ method: text(p.provider) }) };
  }
  if (name === 'product_click') {
    if (!text(p.productId)) return undefined;
    const list = feedList(text(p.feedId)) || (text(p.placement) ? { id: 'vitrine_' + p.placement, name: p.placement } : undefined);
    const item = { item_id: p.productId };
    if (list) {
      item.item_list_id = list.id;
      item.item_list_name = list.name;
    }
    return {
      event: 'select_item',
      ecommerce: defined({ item_list_id: list ? list.id : undefined, item_list_name: list ? list.name : undefined, items: [item] })
    };
  }
  if (name === 'feed_view') {
    const feed = feedList(text(p.feedId));
    // Vitrine's feed_view names no products: GA4 gets the list, with an empty items array.
    return {
      event: 'view_item_list',
      ecommerce: defined({ item_list_id: feed ? feed.id : 'vitrine_feed', item_list_name: feed ? feed.name : 'Instagram feed', items: [] })
    };
  }
  return undefined;
};

const forwardToGa4 = function () {
  // Version 1 reads the value of this push only: the merged data layer (version 2) would carry a previous
  // event's properties, such as its productId, into this one.
  const event = copyFromDataLayer('vitrine', 1);
  if (getType(event) !== 'object' || getType(event.name) !== 'string') {
    logToConsole('Vitrine: this tag fired on an event without a vitrine object; fire it on the custom events vitrine.*');
    data.gtmOnSuccess();
    return;
  }
  const dataLayerPush = createQueue('dataLayer');
  const mapped = toGa4(event.name, event.properties);
  if (mapped) {
    const push = { event: mapped.event, vitrine_event: event.name, vitrine_message_id: event.messageId };
    const params = mapped.params || {};
    for (const key in params) push[key] = params[key];
    if (mapped.ecommerce) {
      // Google's advice: clear the previous ecommerce object first, since the data layer merges objects.
      dataLayerPush({ ecommerce: null });
      push.ecommerce = mapped.ecommerce;
    }
    dataLayerPush(push);
  } else if (data.customEvents) {
    dataLayerPush({ event: 'vitrine_' + event.name, vitrine_event: event.name, vitrine_message_id: event.messageId });
  }
  data.gtmOnSuccess();
};

const load = function () {
  const config = { locale: data.locale, utm: data.utm === true, dataLayer: data.pushToDataLayer === true };
  if (text(data.endpoint)) config.endpoint = data.endpoint;
  if (text(data.api)) config.api = data.api;

  let loaded = false;
  let answer;
  const tell = function (state) {
    answer = state;
    if (loaded) callInWindow('Vitrine.setConsent', state);
  };
  if (data.consentSource === 'granted') answer = 'granted';
  if (data.consentSource === 'consent_mode') {
    // A denied default is no answer yet: Vitrine keeps its events in memory until the banner's update.
    if (isConsentGranted(ANALYTICS_STORAGE)) answer = 'granted';
    addConsentListener(ANALYTICS_STORAGE, function (consentType, granted) {
      tell(granted ? 'granted' : 'denied');
    });
  }

  injectScript(
    data.scriptUrl,
    function () {
      loaded = true;
      callInWindow('Vitrine.init', config);
      if (answer) callInWindow('Vitrine.setConsent', answer);
      data.gtmOnSuccess();
    },
    function () {
      logToConsole('Vitrine: could not load ' + data.scriptUrl);
      data.gtmOnFailure();
    },
    data.scriptUrl
  );
};

if (data.action === 'ga4') forwardToGa4();
else load();


___WEB_PERMISSIONS___

[
  {
    "instance": {
      "key": {
        "publicId": "inject_script",
        "versionId": "1"
      },
      "param": [
        {
          "key": "urls",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "https://*/*"
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "access_globals",
        "versionId": "1"
      },
      "param": [
        {
          "key": "keys",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  { "type": 1, "string": "key" },
                  { "type": 1, "string": "read" },
                  { "type": 1, "string": "write" },
                  { "type": 1, "string": "execute" }
                ],
                "mapValue": [
                  { "type": 1, "string": "Vitrine.init" },
                  { "type": 8, "boolean": false },
                  { "type": 8, "boolean": false },
                  { "type": 8, "boolean": true }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  { "type": 1, "string": "key" },
                  { "type": 1, "string": "read" },
                  { "type": 1, "string": "write" },
                  { "type": 1, "string": "execute" }
                ],
                "mapValue": [
                  { "type": 1, "string": "Vitrine.setConsent" },
                  { "type": 8, "boolean": false },
                  { "type": 8, "boolean": false },
                  { "type": 8, "boolean": true }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  { "type": 1, "string": "key" },
                  { "type": 1, "string": "read" },
                  { "type": 1, "string": "write" },
                  { "type": 1, "string": "execute" }
                ],
                "mapValue": [
                  { "type": 1, "string": "dataLayer" },
                  { "type": 8, "boolean": true },
                  { "type": 8, "boolean": true },
                  { "type": 8, "boolean": false }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "read_data_layer",
        "versionId": "1"
      },
      "param": [
        {
          "key": "allowedKeys",
          "value": {
            "type": 1,
            "string": "specific"
          }
        },
        {
          "key": "keyPatterns",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "vitrine"
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "access_consent",
        "versionId": "1"
      },
      "param": [
        {
          "key": "consentTypes",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  { "type": 1, "string": "consentType" },
                  { "type": 1, "string": "read" },
                  { "type": 1, "string": "write" }
                ],
                "mapValue": [
                  { "type": 1, "string": "analytics_storage" },
                  { "type": 8, "boolean": true },
                  { "type": 8, "boolean": false }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "logging",
        "versionId": "1"
      },
      "param": [
        {
          "key": "environments",
          "value": {
            "type": 1,
            "string": "debug"
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  }
]


___TESTS___

scenarios: []


___NOTES___

Vitrine's own tests run this code under integrations/gtm/test/sandbox.ts, which enforces the permissions above.
