package narvark

import (
	"context"
	"net/url"
)

// Iterator walks a list endpoint page by page, following starting_after cursors while has_more.
type Iterator[T any] struct {
	ctx     context.Context
	client  *Client
	path    string
	query   url.Values
	idOf    func(T) string
	cursor  string
	page    []T
	current T
	more    bool
	started bool
	err     error
}

func newIterator[T any](ctx context.Context, c *Client, path string, query url.Values, startingAfter string,
	idOf func(T) string) *Iterator[T] {
	return &Iterator[T]{ctx: ctx, client: c, path: path, query: query, idOf: idOf, cursor: startingAfter, more: true}
}

// Next advances to the next item, fetching the next page when needed. It returns false at the end or on error.
func (it *Iterator[T]) Next() bool {
	for len(it.page) == 0 {
		if it.err != nil || !it.more {
			return false
		}
		it.fetch()
	}
	it.current, it.page = it.page[0], it.page[1:]
	return true
}

// Current is the item Next moved to.
func (it *Iterator[T]) Current() T { return it.current }

// Err is the error that stopped the iteration, if any.
func (it *Iterator[T]) Err() error { return it.err }

func (it *Iterator[T]) fetch() {
	query := url.Values{}
	for k, v := range it.query {
		query[k] = v
	}
	if it.cursor != "" {
		query.Set("starting_after", it.cursor)
	}
	var page struct {
		Data    []T  `json:"data"`
		HasMore bool `json:"has_more"`
	}
	if err := it.client.do(it.ctx, call{method: "GET", path: it.path, query: query, safe: true}, &page); err != nil {
		it.err = err
		return
	}
	it.page = page.Data
	it.more = page.HasMore && len(page.Data) > 0
	if len(page.Data) > 0 {
		it.cursor = it.idOf(page.Data[len(page.Data)-1])
	}
}
